using ReleaseBot.Testing.FakeTelegram;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// How one REST request is limited: its bucket (hash shared by routes with one limit), the top-level resource
/// that splits the bucket (channel, guild, webhook id + token), and whether the global limit applies.
/// </summary>
internal sealed record FakeDiscordRoute(string BucketHash, FakeRateRule Rule, string MajorId, bool CountsGlobally);
