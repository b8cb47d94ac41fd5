using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands;

/// <summary>One command. Handlers are thin: they parse arguments and call services.</summary>
public interface ICommandHandler
{
    /// <summary>The command name without '/', lower-case (matches <see cref="CommandCatalog"/>).</summary>
    string Name { get; }

    Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
