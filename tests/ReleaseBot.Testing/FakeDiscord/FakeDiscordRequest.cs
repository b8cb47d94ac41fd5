namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>One REST request as the fake saw it: method, path (without the query), the answer's status and when.</summary>
public sealed record FakeDiscordRequest(string Method, string Path, int Status, DateTimeOffset At);
