using Microsoft.AspNetCore.Routing;

namespace ReleaseBot.Web;

/// <summary>Read-only routes (GET) that ride on a listener another part owns, e.g. the health routes on the webhook listener.</summary>
public interface IListenerRoutes
{
    void Map(IEndpointRouteBuilder routes);
}
