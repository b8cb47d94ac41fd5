using System.Text.Json.Serialization;

namespace ReleaseBot.Discord.Rendering;

public sealed record DiscordEmbedFooter([property: JsonPropertyName("text")] string Text);
