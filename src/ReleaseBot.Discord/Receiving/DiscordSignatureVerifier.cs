using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Checks an interaction request's <c>X-Signature-Ed25519</c>: Ed25519 over the bytes of <c>X-Signature-Timestamp</c> followed
/// by the raw body, with the application's hex public key (https://docs.discord.com/developers/interactions/overview#validating-security-request-headers).
/// A timestamp further than <see cref="DiscordOptions.SignatureMaxAge"/> (5 minutes) from the local clock is refused, so a
/// captured request cannot be replayed later. Never throws on what a request carries: anything malformed is "not valid".
/// </summary>
public sealed partial class DiscordSignatureVerifier
{
    private const int SignatureBytes = 64;
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey? _publicKey;
    private readonly TimeSpan _maxAge;
    private readonly TimeProvider _timeProvider;

    public DiscordSignatureVerifier(IOptions<DiscordOptions> options, TimeProvider timeProvider, ILogger<DiscordSignatureVerifier> logger)
    {
        _timeProvider = timeProvider;
        _maxAge = options.Value.SignatureMaxAge;
        _publicKey = ImportKey(options.Value.PublicKey);
        if (_publicKey is null && !string.IsNullOrWhiteSpace(options.Value.PublicKey))
        {
            Log.BadPublicKey(logger);
        }
    }

    /// <summary>Whether a public key is configured and well-formed; without one every request is refused.</summary>
    public bool HasKey => _publicKey is not null;

    /// <summary>Verifies one request; answer 401 unless the result is <see cref="DiscordSignatureCheck.Valid"/>.</summary>
    public DiscordSignatureCheck Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        if (_publicKey is null)
        {
            return DiscordSignatureCheck.NoKey;
        }

        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return DiscordSignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            || unixSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DiscordSignatureCheck.Malformed;
        }

        var signature = new byte[SignatureBytes];
        if (signatureHex.Length != SignatureBytes * 2
            || Convert.FromHexString(signatureHex, signature, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SignatureBytes)
        {
            return DiscordSignatureCheck.Malformed;
        }

        var age = _timeProvider.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        if (age.Duration() > _maxAge)
        {
            return DiscordSignatureCheck.Stale;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var signed = new byte[timestampLength + rawBody.Length];
        Encoding.UTF8.GetBytes(timestamp, signed);
        rawBody.CopyTo(signed.AsSpan(timestampLength));
        return Ed25519.Verify(_publicKey, signed, signature) ? DiscordSignatureCheck.Valid : DiscordSignatureCheck.Invalid;
    }

    private static PublicKey? ImportKey(string? hex)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }

        var raw = new byte[Ed25519.PublicKeySize];
        var trimmed = hex.Trim();
        if (trimmed.Length != raw.Length * 2
            || Convert.FromHexString(trimmed, raw, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != raw.Length)
        {
            return null;
        }

        return PublicKey.TryImport(Ed25519, raw, KeyBlobFormat.RawPublicKey, out var key) ? key : null;
    }

    private static partial class Log
    {
        [LoggerMessage(5300, LogLevel.Error, "ReleaseBot:Discord:PublicKey is not a 64-digit hex Ed25519 key; every interaction request will be refused")]
        public static partial void BadPublicKey(ILogger logger);
    }
}
