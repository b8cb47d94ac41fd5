namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// Message and embed limits from Create Message and the Embed Limits table
/// (https://docs.discord.com/developers/resources/message#embed-object-embed-limits). Lengths are counted as .NET
/// UTF-16 units, which is never fewer than Discord's count, so a payload that fits here fits there.
/// </summary>
public static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int FooterText = 2048;
    public const int AuthorName = 256;
    public const int EmbedTotal = 6000;
    public const int Nonce = 25;

    /// <summary>SUPPRESS_EMBEDS (1 &lt;&lt; 2): no link previews under a plain-text list.</summary>
    public const int SuppressEmbedsFlag = 1 << 2;

    /// <summary>EPHEMERAL (1 &lt;&lt; 6): only the invoking user sees an interaction reply.</summary>
    public const int EphemeralFlag = 1 << 6;
}
