using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

public sealed record InteractionUser
{
    [JsonPropertyName("id")] public string Id { get; init; } = string.Empty;
    [JsonPropertyName("username")] public string? Username { get; init; }
}
