using System.Text.RegularExpressions;

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

    // Hub rules: letters, digits, '-', '_', '.'; owner and name each up to 96 characters.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex RepoId();
}
