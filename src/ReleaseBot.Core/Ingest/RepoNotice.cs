using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ingest;

/// <summary>
/// A repo the Hub told the bot about (a webhook) that is not ingested yet. It is kept in the store before the Hub is
/// answered, so a process that dies between the answer and the ingest loses nothing.
/// </summary>
public sealed record RepoNotice
{
    public required RepoId RepoId { get; init; }

    /// <summary>The repo's new id when the notice is a rename (a move).</summary>
    public RepoId? MovedTo { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>One notice per repo and kind: a webhook the Hub sends again replaces the waiting one.</summary>
    public string Id => MovedTo is null ? $"repo:{RepoId}" : $"move:{RepoId}>{MovedTo}";
}
