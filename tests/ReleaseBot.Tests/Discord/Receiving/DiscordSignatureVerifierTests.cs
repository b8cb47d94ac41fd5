using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;
using ReleaseBot.Discord;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord.Receiving;

public sealed class DiscordSignatureVerifierTests : IDisposable
{
    private const string Body = """{"type":1,"id":"123"}""";
    private static readonly SignatureAlgorithm Ed25519 = SignatureAlgorithm.Ed25519;

    private readonly Key _key = Key.Create(Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Verify_SignedByTheApplicationKey_IsValid()
    {
        var (signature, timestamp) = Sign(Body, _time.GetUtcNow());

        Assert.Equal(DiscordSignatureCheck.Valid, Verifier().Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_IsInvalid()
    {
        var (signature, timestamp) = Sign(Body, _time.GetUtcNow());

        var check = Verifier().Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body.Replace("123", "124", StringComparison.Ordinal)));

        Assert.Equal(DiscordSignatureCheck.Invalid, check);
    }

    [Fact]
    public void Verify_SignedByAnotherKey_IsInvalid()
    {
        using var other = Key.Create(Ed25519);
        var timestamp = Unix(_time.GetUtcNow());
        var signature = Convert.ToHexString(Ed25519.Sign(other, Encoding.UTF8.GetBytes(timestamp + Body)));

        Assert.Equal(DiscordSignatureCheck.Invalid, Verifier().Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_TimestampOlderThanFiveMinutes_IsStaleEvenWhenSigned()
    {
        var (signature, timestamp) = Sign(Body, _time.GetUtcNow() - TimeSpan.FromMinutes(6));

        Assert.Equal(DiscordSignatureCheck.Stale, Verifier().Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("abc")]
    [InlineData("not hex at all, but exactly one hundred and twenty-eight characters long......................................................")]
    public void Verify_MalformedSignature_IsMalformedWithoutThrowing(string signature)
    {
        var check = Verifier().Verify(signature, Unix(_time.GetUtcNow()), Encoding.UTF8.GetBytes(Body));

        Assert.Equal(DiscordSignatureCheck.Malformed, check);
    }

    [Theory]
    [InlineData(null, "1")]
    [InlineData("", "1")]
    [InlineData("00", null)]
    public void Verify_MissingHeader_IsMissing(string? signature, string? timestamp) =>
        Assert.Equal(DiscordSignatureCheck.Missing, Verifier().Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void Verify_MalformedTimestamp_IsMalformed(string timestamp)
    {
        var (signature, _) = Sign(Body, _time.GetUtcNow());

        Assert.Equal(DiscordSignatureCheck.Malformed, Verifier().Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xyz")]
    [InlineData("0123")]
    public void Verify_NoUsableKey_RefusesEverything(string publicKey)
    {
        var (signature, timestamp) = Sign(Body, _time.GetUtcNow());
        var verifier = new DiscordSignatureVerifier(
            Options.Create(new DiscordOptions { PublicKey = publicKey }), _time, NullLogger<DiscordSignatureVerifier>.Instance);

        Assert.False(verifier.HasKey);
        Assert.Equal(DiscordSignatureCheck.NoKey, verifier.Verify(signature, timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_HeadersFromTheFakeDiscordSigner_TellsValidWrongAndStaleApart()
    {
        using var signer = new FakeDiscordSigner(_time);
        var verifier = new DiscordSignatureVerifier(
            Options.Create(new DiscordOptions { PublicKey = signer.PublicKeyHex }), _time, NullLogger<DiscordSignatureVerifier>.Instance);
        var body = Encoding.UTF8.GetBytes(Body);

        Check(DiscordSignatureCheck.Valid, signer.Sign(Body));
        Check(DiscordSignatureCheck.Invalid, signer.SignWrong(Body));
        Check(DiscordSignatureCheck.Stale, signer.SignStale(Body, TimeSpan.FromHours(1)));

        void Check(DiscordSignatureCheck expected, FakeSignedHeaders headers) =>
            Assert.Equal(expected, verifier.Verify(headers.Signature, headers.Timestamp, body));
    }

    public void Dispose() => _key.Dispose();

    private DiscordSignatureVerifier Verifier() => new(
        Options.Create(new DiscordOptions { PublicKey = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey)) }),
        _time,
        NullLogger<DiscordSignatureVerifier>.Instance);

    private (string Signature, string Timestamp) Sign(string body, DateTimeOffset at)
    {
        var timestamp = Unix(at);
        return (Convert.ToHexStringLower(Ed25519.Sign(_key, Encoding.UTF8.GetBytes(timestamp + body))), timestamp);
    }

    private static string Unix(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
