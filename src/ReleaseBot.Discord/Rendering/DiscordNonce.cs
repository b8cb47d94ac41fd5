using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReleaseBot.Discord.Rendering;

/// <summary>
/// The <c>nonce</c> of one part of one delivery: the same delivery and part always give the same 24 hex characters
/// (within the 25 Discord allows), so a retried send inside Discord's uniqueness window returns the message
/// already posted instead of a duplicate.
/// </summary>
public static class DiscordNonce
{
    public static string For(string deliveryId, int partIndex)
    {
        var key = string.Concat(deliveryId, "#", partIndex.ToString(CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
