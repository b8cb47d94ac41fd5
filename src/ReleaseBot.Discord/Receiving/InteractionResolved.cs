using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

public sealed record InteractionResolved
{
    [JsonPropertyName("channels")] public IReadOnlyDictionary<string, InteractionChannel> Channels { get; init; } = new Dictionary<string, InteractionChannel>();
}
