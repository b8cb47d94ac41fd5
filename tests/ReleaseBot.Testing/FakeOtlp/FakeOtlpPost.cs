using System.Text;

namespace ReleaseBot.Testing.FakeOtlp;

/// <summary>One export as the collector received it.</summary>
public sealed record FakeOtlpPost(string? ContentType, byte[] Body)
{
    /// <summary>
    /// Whether <paramref name="text"/> occurs in the body. Protobuf writes a string field as its raw UTF-8 bytes, so a
    /// metric's name is found in the export without decoding it.
    /// </summary>
    public bool Mentions(string text) => Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
