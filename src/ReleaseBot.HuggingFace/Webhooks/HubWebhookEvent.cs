using System.Text.Json;
using ReleaseBot.Core.Domain;

namespace ReleaseBot.HuggingFace.Webhooks;

/// <summary>What ReleaseBot reads of a v3 Hub webhook payload (reference/huggingface.md §5.3); null when a repo name is not a repo id.</summary>
public sealed record HubWebhookEvent(string Action, string Scope, string RepoType, RepoId RepoName, bool? RepoPrivate, bool? MadePrivate, RepoId? MovedTo)
{
    public static HubWebhookEvent? Parse(JsonElement body)
    {
        if (!body.TryGetProperty("event", out var ev) || !body.TryGetProperty("repo", out var repo) ||
            Str(ev, "action") is not { } action || Str(ev, "scope") is not { } scope || !RepoId.TryParse(Str(repo, "name"), out var name))
        {
            return null;
        }

        bool? madePrivate = body.TryGetProperty("updatedConfig", out var config) && config.ValueKind == JsonValueKind.Object &&
                            config.TryGetProperty("private", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? p.GetBoolean()
            : null;
        bool? repoPrivate = repo.TryGetProperty("private", out var rp) && rp.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? rp.GetBoolean()
            : null;
        RepoId? movedTo = null;
        if (body.TryGetProperty("movedTo", out var moved) && !RepoId.TryParse(Str(moved, "name"), out movedTo))
        {
            return null;
        }

        return new HubWebhookEvent(action, scope, Str(repo, "type") ?? "model", name, repoPrivate, madePrivate, movedTo);
    }

    /// <summary>A public model repo appeared: created public, or made public (the exact publication moment).</summary>
    public bool IsPublication =>
        RepoType == "model" &&
        ((Scope == "repo" && Action == "create" && RepoPrivate != true) ||
         // Narrower future scopes (repo.config.dois) count as the broader one.
         (Scope.StartsWith("repo.config", StringComparison.Ordinal) && MadePrivate == false));

    public bool IsMove => RepoType == "model" && Scope == "repo" && Action == "move" && MovedTo is not null;

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
