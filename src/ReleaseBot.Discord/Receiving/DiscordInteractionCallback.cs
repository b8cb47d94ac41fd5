using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// An interaction response (https://docs.discord.com/developers/interactions/receiving-and-responding#interaction-response-object):
/// the body of <c>POST /interactions/{id}/{token}/callback</c>, or of the answer to an HTTP interaction.
/// </summary>
public sealed record DiscordInteractionCallback(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Data = null)
{
    public const int Pong = 1;
    public const int ChannelMessage = 4;
    public const int DeferredChannelMessage = 5;
    public const int AutocompleteResult = 8;

    /// <summary>Message flag EPHEMERAL: only the invoking user sees the message.</summary>
    public const int EphemeralFlag = 64;
}
