using System.Security.Cryptography;
using System.Text;

namespace ReleaseBot.Web;

/// <summary>The one comparison of a presented webhook secret with the configured one.</summary>
public static class SecretCheck
{
    /// <summary>
    /// True only for the exact secret. Both sides are hashed (SHA-256) first, so the comparison always runs over
    /// 32 bytes in constant time and neither a wrong byte nor a wrong length shows in the response time.
    /// An empty expected secret matches nothing.
    /// </summary>
    public static bool Matches(string? given, string expected)
    {
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(given ?? string.Empty));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b) & given is not null & expected.Length > 0;
    }
}
