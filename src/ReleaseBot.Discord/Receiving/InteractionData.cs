using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

public sealed record InteractionData
{
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("options")] public IReadOnlyList<InteractionOption> Options { get; init; } = [];
    [JsonPropertyName("resolved")] public InteractionResolved? Resolved { get; init; }
}
