using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands;

/// <summary>Platform-neutral entry point for every command (the same set on every platform, listed in the README).</summary>
public interface ICommandRouter
{
    /// <summary>Answers one command. Never throws for bad input: a clear <see cref="ReplyKind.Error"/> reply instead.</summary>
    Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken);
}
