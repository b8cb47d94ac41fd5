using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// A message the fake created: in a channel, or as an interaction's original response or follow-up (then
/// <see cref="InteractionId"/> is set). <see cref="AllowedMentions"/> is the field as sent (null when absent).
/// </summary>
public sealed record FakeDiscordMessage(
    ulong Id,
    ulong ChannelId,
    string? Content,
    JsonArray Embeds,
    string? Nonce,
    JsonNode? AllowedMentions,
    int Flags,
    DateTimeOffset CreatedAt)
{
    public ulong? InteractionId { get; init; }
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Whether the sender switched every ping off (<c>{"parse":[]}</c> and no explicit ids).</summary>
    public bool MentionsNobody =>
        AllowedMentions is JsonObject mentions && mentions["parse"] is JsonArray { Count: 0 }
        && mentions["users"] is null or JsonArray { Count: 0 } && mentions["roles"] is null or JsonArray { Count: 0 };
}
