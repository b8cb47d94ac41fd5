using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

public sealed record InteractionMember
{
    [JsonPropertyName("user")] public InteractionUser? User { get; init; }
    [JsonPropertyName("roles")] public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>Decimal bit set, already resolved for the channel (overwrites included).</summary>
    [JsonPropertyName("permissions")] public string? Permissions { get; init; }
}
