using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Commands;

/// <summary>A parsed command with the chat's current subscription (if any) and its language.</summary>
public sealed record CommandContext(
    CommandRequest Request,
    string Name,
    IReadOnlyList<string> Args,
    Language Language,
    Subscription? Subscription)
{
    public Texts T => Texts.For(Language);

    public string Usage => CommandCatalog.Find(Name)?.Usage ?? "/" + Name;

    public Task<bool> IsAdminAsync(CancellationToken cancellationToken) =>
        Request.Environment.IsSenderAdminAsync(cancellationToken);
}
