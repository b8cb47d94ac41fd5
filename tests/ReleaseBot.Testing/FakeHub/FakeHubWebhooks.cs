using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>
/// v3 webhook payloads shaped like samples/hf_webhook_payloads_repo_events.constructed.json and the documented
/// discussion payload, and a sender that posts them the way the Hub does (JSON, <c>X-Webhook-Secret</c>).
/// </summary>
public static class FakeHubWebhooks
{
    public static JsonObject RepoCreated(string repoId, bool isPrivate = false) => Payload("create", "repo", repoId, isPrivate);

    /// <summary><c>repo.config</c>/<c>update</c> with <c>updatedConfig.private=false</c>: the moment a staged repo goes public.</summary>
    public static JsonObject MadePublic(string repoId)
    {
        var payload = Payload("update", "repo.config", repoId, false);
        payload["updatedConfig"] = new JsonObject { ["private"] = false };
        return payload;
    }

    public static JsonObject ContentPushed(string repoId)
    {
        var payload = Payload("update", "repo.content", repoId, false);
        payload["updatedRefs"] = new JsonArray(new JsonObject
        {
            ["ref"] = "refs/heads/main",
            ["oldSha"] = "0000000000000000000000000000000000000002",
            ["newSha"] = "0000000000000000000000000000000000000003",
        });
        return payload;
    }

    public static JsonObject Moved(string fromRepoId, string toRepoId)
    {
        var payload = Payload("move", "repo", fromRepoId, false);
        payload["movedTo"] = new JsonObject { ["name"] = toRepoId, ["owner"] = new JsonObject { ["id"] = "6a0000000000000000000011" } };
        return payload;
    }

    /// <summary>A pull request opened (docs sample): the bot must ignore it.</summary>
    public static JsonObject DiscussionCreated(string repoId)
    {
        var payload = Payload("create", "discussion", repoId, false);
        payload["discussion"] = new JsonObject
        {
            ["id"] = "6399f58518721fdd27fc9ca9",
            ["title"] = "Update co2 emissions",
            ["status"] = "open",
            ["num"] = 19,
            ["isPullRequest"] = true,
        };
        return payload;
    }

    /// <summary>POSTs a payload; returns the status code the bot answered.</summary>
    public static async Task<int> SendAsync(HttpClient http, Uri url, JsonObject payload, string? secret, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
        if (secret is not null)
        {
            request.Headers.Add("X-Webhook-Secret", secret);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    private static JsonObject Payload(string action, string scope, string repoId, bool isPrivate) => new()
    {
        ["event"] = new JsonObject { ["action"] = action, ["scope"] = scope },
        ["repo"] = new JsonObject
        {
            ["type"] = "model",
            ["name"] = repoId,
            ["id"] = "6a0000000000000000000001",
            ["private"] = isPrivate,
            ["url"] = new JsonObject
            {
                ["web"] = $"https://huggingface.co/{repoId}",
                ["api"] = $"https://huggingface.co/api/models/{repoId}",
            },
            ["headSha"] = "0000000000000000000000000000000000000001",
            ["owner"] = new JsonObject { ["id"] = "64c8b5837fe12ecd0a7e92eb" },
        },
        ["webhook"] = new JsonObject { ["id"] = "6a00000000000000000000ff", ["version"] = 3 },
    };
}
