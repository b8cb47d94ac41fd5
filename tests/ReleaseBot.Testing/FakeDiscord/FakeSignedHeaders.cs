namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>The two headers Discord puts on an HTTP interaction: <c>X-Signature-Ed25519</c> (hex) and <c>X-Signature-Timestamp</c>.</summary>
public sealed record FakeSignedHeaders(string Signature, string Timestamp)
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    public void ApplyTo(HttpRequestMessage request)
    {
        request.Headers.Remove(SignatureHeader);
        request.Headers.Remove(TimestampHeader);
        request.Headers.TryAddWithoutValidation(SignatureHeader, Signature);
        request.Headers.TryAddWithoutValidation(TimestampHeader, Timestamp);
    }
}
