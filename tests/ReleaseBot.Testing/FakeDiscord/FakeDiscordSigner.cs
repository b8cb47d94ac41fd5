using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// Signs HTTP interaction requests as Discord does: Ed25519 over the bytes of <c>timestamp + body</c>, hex in
/// <c>X-Signature-Ed25519</c> (reference/discord.md §4). Configure the bot with <see cref="PublicKeyHex"/>.
/// </summary>
public sealed class FakeDiscordSigner(TimeProvider? time = null) : IDisposable
{
    private static readonly SignatureAlgorithm Algorithm = SignatureAlgorithm.Ed25519;
    private readonly Key _key = Key.Create(Algorithm, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The application's public key as the Developer Portal shows it (64 hex characters).</summary>
    public string PublicKeyHex => Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>Valid headers for <paramref name="body"/>, stamped now (or at <paramref name="at"/>, e.g. an hour ago for a stale request).</summary>
    public FakeSignedHeaders Sign(string body, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? _time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Algorithm.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body));
        return new FakeSignedHeaders(Convert.ToHexStringLower(signature), timestamp);
    }

    /// <summary>Headers signed <paramref name="age"/> ago: the signature is valid, the timestamp is old.</summary>
    public FakeSignedHeaders SignStale(string body, TimeSpan age) => Sign(body, _time.GetUtcNow() - age);

    /// <summary>Headers whose signature does not match the body (one bit flipped), as Discord's routine checks send.</summary>
    public FakeSignedHeaders SignWrong(string body)
    {
        var valid = Sign(body);
        var bytes = Convert.FromHexString(valid.Signature);
        bytes[0] ^= 0x01;
        return valid with { Signature = Convert.ToHexStringLower(bytes) };
    }

    /// <summary>Headers from another key pair: well-formed, but not from this application.</summary>
    public static FakeSignedHeaders SignWithOtherKey(string body)
    {
        using var other = new FakeDiscordSigner();
        return other.Sign(body);
    }

    /// <summary>Whether <paramref name="headers"/> verify for <paramref name="body"/> against this key (a check for the fake's own tests).</summary>
    public bool Verify(string body, FakeSignedHeaders headers) =>
        Algorithm.Verify(_key.PublicKey, Encoding.UTF8.GetBytes(headers.Timestamp + body), Convert.FromHexString(headers.Signature));

    public void Dispose() => _key.Dispose();
}
