using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Tests.Discord;

/// <summary>A router that answers every command with the same reply (e.g. one too long for a single Discord message).</summary>
internal sealed class FixedReplyRouter(Reply reply) : ICommandRouter
{
    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => Task.FromResult(reply);
}
