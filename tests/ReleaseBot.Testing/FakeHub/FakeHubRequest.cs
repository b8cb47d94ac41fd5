namespace ReleaseBot.Testing.FakeHub;

/// <summary>One request the fake Hub answered.</summary>
public sealed record FakeHubRequest(string Method, string PathAndQuery, int Status, bool HadAuthorization, string? UserAgent, DateTimeOffset At);
