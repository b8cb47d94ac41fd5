using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>An interaction the gateway dispatched: the ids a callback needs, the full payload, and when it left the fake.</summary>
public sealed record FakeDiscordInteraction(ulong Id, string Token, int Type, ulong? GuildId, ulong ChannelId, JsonObject Payload, DateTimeOffset DispatchedAt)
{
    public const int ApplicationCommand = 2;
    public const int Autocomplete = 4;
}
