using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>A repo id typed by a user: <c>owner/name</c>, or a model page URL.</summary>
public static partial class RepoIdArgument
{
    private const string HubPrefix = "https://huggingface.co/";

    public static bool TryParse(string token, out string repoId)
    {
        var text = token.Trim().TrimEnd('/');
        if (text.StartsWith(HubPrefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[HubPrefix.Length..];
        }

        repoId = text;
        return text.Length <= 96 && RepoId().IsMatch(text);
    }

    /// <summary>The single repo-id argument of <c>/model</c> and <c>/why</c>, or the usage reply that says what is wrong.</summary>
    public static bool TryReadOnly(CommandContext context, out string repoId, [NotNullWhen(false)] out Reply? error)
    {
        var t = context.T;
        repoId = string.Empty;
        error = context.Args.Count != 1
            ? CommandReplies.Usage(context, context.Args.Count == 0 ? t.RepoArgMissing : t.TooManyArguments)
            : !TryParse(context.Args[0], out repoId)
                ? CommandReplies.Usage(context, t.BadRepoId(CommandReplies.Echo(context.Args[0])))
                : null;
        return error is null;
    }

    // Hub rules: letters, digits, '-', '_', '.'; owner and name each up to 96 characters.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex RepoId();
}
