using System.Diagnostics.CodeAnalysis;

namespace ReleaseBot.Core.Domain;

/// <summary>
/// A model repo on the Hub: <c>owner/name</c>, parsed and checked once against the Hub's rules
/// (https://huggingface.co/docs/huggingface_hub/package_reference/utilities#huggingface_hub.utils.validate_repo_id).
/// The Hub resolves ids case-insensitively, so two ids that differ only in case are equal.
/// </summary>
public sealed record RepoId
{
    /// <summary>The Hub refuses longer ids (<c>owner/name</c> together).</summary>
    public const int MaxLength = 96;

    private const string HubUrl = "https://huggingface.co/";
    private const string ReleasePrefix = "hf:";

    private RepoId(string owner, string name)
    {
        Owner = owner;
        Name = name;
    }

    /// <summary>The user or organisation; the vendor of a release is found through it alone.</summary>
    public string Owner { get; }

    public string Name { get; }

    /// <summary>The model page.</summary>
    public string Url => HubUrl + this;

    /// <summary>The release's natural key, <c>hf:owner/name</c>.</summary>
    public string ReleaseId => ReleasePrefix + this;

    /// <summary>True when <paramref name="owner"/> owns this repo (owners compare case-insensitively, as on the Hub).</summary>
    public bool HasOwner(string owner) => string.Equals(Owner, owner, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>owner/name</c> part of a model page URL (<c>https://huggingface.co/owner/name</c>); other text as it is.</summary>
    public static string StripPageUrl(string text) =>
        text.StartsWith(HubUrl, StringComparison.OrdinalIgnoreCase) ? text[HubUrl.Length..] : text;

    /// <summary>The page of a user or organisation on the Hub.</summary>
    public static string OwnerUrl(string owner) => HubUrl + owner;

    /// <summary>The repo id of a release id (<c>hf:owner/name</c>), or null when it is not one.</summary>
    public static RepoId? FromReleaseId(string? releaseId) =>
        releaseId is not null && releaseId.StartsWith(ReleasePrefix, StringComparison.Ordinal)
        && TryParse(releaseId[ReleasePrefix.Length..], out var repoId) ? repoId : null;

    /// <summary>Parses <c>owner/name</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static RepoId Parse(string? text) =>
        TryParse(text, out var repoId, out var problem) ? repoId : throw new FormatException(problem);

    public static bool TryParse(string? text, [NotNullWhen(true)] out RepoId? repoId) =>
        TryParse(text, out repoId, out _);

    /// <summary>Parses <c>owner/name</c>; <paramref name="problem"/> says in English what is wrong (without echoing the input).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out RepoId? repoId, out string problem)
    {
        repoId = null;
        problem = Problem(text) ?? string.Empty;
        if (problem.Length > 0)
        {
            return false;
        }

        var slash = text!.IndexOf('/', StringComparison.Ordinal);
        repoId = new RepoId(text[..slash], text[(slash + 1)..]);
        return true;
    }

    public bool Equals(RepoId? other) =>
        other is not null
        && string.Equals(Owner, other.Owner, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Owner), StringComparer.OrdinalIgnoreCase.GetHashCode(Name));

    public override string ToString() => Owner + "/" + Name;

    private static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "a repo id is empty; expected owner/name";
        }

        if (text.Length > MaxLength)
        {
            return $"a repo id is at most {MaxLength} characters, this one has {text.Length}";
        }

        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            return parts.Length == 1
                ? "a repo id needs an owner and a name: owner/name"
                : "a repo id has exactly one '/': owner/name";
        }

        return PartProblem("owner", parts[0]) ?? PartProblem("name", parts[1]);
    }

    // Letters, digits, '-', '_' and '.'; '-' and '.' neither first nor last; no "--" or "..".
    private static string? PartProblem(string part, string value) =>
        value.Length == 0 ? $"the {part} of a repo id is empty"
        : !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? $"the {part} of a repo id may hold only letters, digits, '-', '_' and '.'"
        : value[0] is '-' or '.' || value[^1] is '-' or '.' ? $"the {part} of a repo id may not start or end with '-' or '.'"
        : value.Contains("--", StringComparison.Ordinal) || value.Contains("..", StringComparison.Ordinal) ? $"the {part} of a repo id may not hold '--' or '..'"
        : null;
}
