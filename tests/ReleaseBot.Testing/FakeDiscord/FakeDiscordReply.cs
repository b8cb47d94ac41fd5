using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A REST answer before it is written: status, JSON body (null = none) or an HTML page.</summary>
internal sealed record FakeDiscordReply(int Status, JsonNode? Body, string? Html = null)
{
    public static FakeDiscordReply Ok(JsonNode body) => new(200, body);
    public static FakeDiscordReply NoContent() => new(204, null);
    public static FakeDiscordReply Error(int status, int code, string message) =>
        new(status, new JsonObject { ["message"] = message, ["code"] = code });
    public static FakeDiscordReply Invalid(JsonObject formErrors) => new(400, formErrors);

    public static FakeDiscordReply NotFound() => Error(404, 0, "404: Not Found");
    public static FakeDiscordReply Unauthorized() => Error(401, 0, "401: Unauthorized");
    public static FakeDiscordReply UnknownChannel() => Error(404, 10003, "Unknown Channel");
    public static FakeDiscordReply UnknownInteraction() => Error(404, 10062, "Unknown interaction");
    public static FakeDiscordReply UnknownWebhook() => Error(404, 10015, "Unknown Webhook");
    public static FakeDiscordReply EmptyMessage() => Error(400, 50006, "Cannot send an empty message");
}
