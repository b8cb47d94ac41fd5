using System.Diagnostics.CodeAnalysis;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>A repo id typed by a user: <c>owner/name</c>, or a model page URL.</summary>
public static class RepoIdArgument
{
    public static bool TryParse(string token, [NotNullWhen(true)] out RepoId? repoId) =>
        RepoId.TryParse(RepoId.StripPageUrl(token.Trim().TrimEnd('/')), out repoId);

    /// <summary>The single repo-id argument of <c>/model</c> and <c>/why</c>, or the usage reply that says what is wrong.</summary>
    public static bool TryReadOnly(CommandContext context, [NotNullWhen(true)] out RepoId? repoId, [NotNullWhen(false)] out Reply? error)
    {
        var t = context.T;
        repoId = null;
        error = context.Args.Count != 1
            ? CommandReplies.Usage(context, context.Args.Count == 0 ? t.RepoArgMissing : t.TooManyArguments)
            : !TryParse(context.Args[0], out repoId)
                ? CommandReplies.Usage(context, t.BadRepoId(CommandReplies.Echo(context.Args[0])))
                : null;
        return error is null;
    }
}
