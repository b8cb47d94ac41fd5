using System.Text;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Discord.Rendering;

/// <summary>An embed's accent: a colour of its own per vendor (stable across restarts and machines), else one per reply kind.</summary>
public static class DiscordColors
{
    public const int Blurple = 0x5865F2;
    public const int Green = 0x57F287;
    public const int Red = 0xED4245;
    public const int Grey = 0x99AAB5;

    public static int For(Reply reply) => reply.VendorId is { Length: > 0 } vendorId
        ? ForVendor(vendorId)
        : reply.Kind switch
        {
            ReplyKind.Error => Red,
            ReplyKind.Done => Green,
            ReplyKind.Info => Grey,
            _ => Blurple,
        };

    /// <summary>A hue from an FNV-1a hash of the id (string.GetHashCode changes per process), at fixed saturation and lightness.</summary>
    public static int ForVendor(string vendorId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(vendorId.ToLowerInvariant()))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return FromHsl(hash % 360, 0.65, 0.55);
    }

    private static int FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var x = chroma * (1 - Math.Abs((hue / 60 % 2) - 1));
        var m = lightness - (chroma / 2);
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (chroma, x, 0.0),
            1 => (x, chroma, 0.0),
            2 => (0.0, chroma, x),
            3 => (0.0, x, chroma),
            4 => (x, 0.0, chroma),
            _ => (chroma, 0.0, x),
        };
        return (Channel(r + m) << 16) | (Channel(g + m) << 8) | Channel(b + m);
    }

    private static int Channel(double value) => (int)Math.Round(Math.Clamp(value, 0, 1) * 255);
}
