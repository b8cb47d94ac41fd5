namespace ReleaseBot.Testing.FakeHub;

/// <summary>A scripted misbehaviour for the next matching request.</summary>
public abstract record FakeHubFault
{
    private FakeHubFault() { }

    /// <summary>Only requests whose path and query contain this text (null: any request).</summary>
    public string? PathContains { get; init; }

    /// <summary>An HTTP error status (500, 502, 503) with a short body.</summary>
    public sealed record Status(int Code) : FakeHubFault;

    /// <summary>429 with <c>RateLimit: "api";r=0;t=ResetSeconds</c> and optionally <c>Retry-After</c>.</summary>
    public sealed record RateLimited(int ResetSeconds, int? RetryAfterSeconds = null) : FakeHubFault;

    /// <summary>200 with a body that is not JSON.</summary>
    public sealed record MalformedJson : FakeHubFault;

    /// <summary>
    /// 200 with this JSON as the body (wrong types, huge arrays, deep nesting, an oversized page). Chunked: no
    /// Content-Length, so the client only learns the size while reading.
    /// </summary>
    public sealed record Body(string Json, bool Chunked = false) : FakeHubFault;

    /// <summary>The normal answer, after a delay.</summary>
    public sealed record Slow(TimeSpan Delay) : FakeHubFault;

    /// <summary>
    /// A hung Hub: the request is held for <paramref name="Limit"/> (unless the client gives up first), then answered normally.
    /// With <paramref name="AfterHeaders"/> the status, headers and first byte of the body go out before the hold, so only a
    /// client timeout that also covers reading the body cuts it. <see cref="FakeHubServer.Recover"/> does not release a held
    /// request: a stuck connection stays stuck.
    /// </summary>
    public sealed record Hang(TimeSpan Limit, bool AfterHeaders = false) : FakeHubFault;
}
