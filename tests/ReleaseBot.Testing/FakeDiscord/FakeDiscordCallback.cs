using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// An interaction callback the fake received (accepted or not): the response type, its <c>data</c>, when it came
/// and the HTTP status it got (204/200 accepted, 404 late or unknown, 400 twice or invalid).
/// </summary>
public sealed record FakeDiscordCallback(ulong InteractionId, int Type, JsonObject? Data, DateTimeOffset At, int Status)
{
    public bool Accepted => Status is 200 or 204;
    public bool Ephemeral => ((Data?["flags"]?.GetValue<int>() ?? 0) & 64) != 0;
}
