namespace ReleaseBot.Discord.Receiving;

/// <summary>The verdict on one interaction request's signature; everything but <see cref="Valid"/> is answered 401.</summary>
public enum DiscordSignatureCheck
{
    Valid,

    /// <summary>No (well-formed) public key is configured.</summary>
    NoKey,

    /// <summary><c>X-Signature-Ed25519</c> or <c>X-Signature-Timestamp</c> is absent or empty.</summary>
    Missing,

    /// <summary>The signature is not 128 hex digits or the timestamp is not Unix seconds.</summary>
    Malformed,

    /// <summary>The timestamp is further from now than <see cref="DiscordOptions.SignatureMaxAge"/>.</summary>
    Stale,

    /// <summary>Well-formed, but not a signature of this timestamp and body by the application's key.</summary>
    Invalid,
}
