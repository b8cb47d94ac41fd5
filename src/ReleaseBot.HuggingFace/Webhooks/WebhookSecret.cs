using System.Security.Cryptography;
using System.Text;

namespace ReleaseBot.HuggingFace.Webhooks;

/// <summary>Compares <c>X-Webhook-Secret</c> in constant time (hashing first, so not even the length leaks).</summary>
public static class WebhookSecret
{
    public static bool Matches(string? presented, string expected)
    {
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b) && presented is not null;
    }
}
