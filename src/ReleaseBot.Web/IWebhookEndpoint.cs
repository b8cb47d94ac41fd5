using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Web;

/// <summary>One POST endpoint on the shared <see cref="WebhookListener"/> (the Hub webhook, the Telegram webhook, …).</summary>
public interface IWebhookEndpoint
{
    /// <summary>The request path, e.g. <c>/hf-webhook</c>; unique among the endpoints.</summary>
    string Path { get; }

    /// <summary>Checks the request (see <see cref="SecretCheck"/>), acts on it and says what to answer.</summary>
    Task<IResult> HandleAsync(HttpContext context);
}
