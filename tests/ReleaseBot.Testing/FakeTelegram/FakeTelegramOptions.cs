namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>How the fake Bot API server behaves; the defaults are Telegram's documented limits.</summary>
public sealed record FakeTelegramOptions
{
    public const string DefaultToken = "123456:TEST-TOKEN";

    public string Token { get; init; } = DefaultToken;
    public string BotUsername { get; init; } = "release_test_bot";
    public string BotFirstName { get; init; } = "ReleaseBot";

    /// <summary>One message per second to one chat.</summary>
    public FakeRateRule PerChat { get; init; } = new(1, TimeSpan.FromSeconds(1));
    /// <summary>Twenty messages per minute to one group, supergroup or channel.</summary>
    public FakeRateRule PerGroup { get; init; } = new(20, TimeSpan.FromMinutes(1));
    /// <summary>Thirty messages per second overall.</summary>
    public FakeRateRule Global { get; init; } = new(30, TimeSpan.FromSeconds(1));
    /// <summary>Whether the limits above are enforced with 429s.</summary>
    public bool EnforceLimits { get; init; } = true;

    /// <summary>Longest a getUpdates long poll is held (the official server caps at 50 s; tests want less).</summary>
    public TimeSpan LongPollCap { get; init; } = TimeSpan.FromSeconds(2);

    public long BotId => long.Parse(Token.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every limit <paramref name="factor"/> times faster for a shorter run: per-chat and per-group windows shrink,
    /// the global count grows (so its window stays one second and bursts are not judged on a sliver of time).
    /// </summary>
    public FakeTelegramOptions Scaled(double factor) => this with
    {
        PerChat = PerChat with { Window = PerChat.Window / factor },
        PerGroup = PerGroup with { Window = PerGroup.Window / factor },
        Global = Global with { Count = (int)Math.Round(Global.Count * factor) },
    };
}
