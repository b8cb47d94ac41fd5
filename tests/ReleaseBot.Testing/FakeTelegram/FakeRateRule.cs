namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>At most <see cref="Count"/> messages in any window of <see cref="Window"/>.</summary>
public sealed record FakeRateRule(int Count, TimeSpan Window)
{
    /// <summary>Messages per second this rule allows in the long run.</summary>
    public double PerSecond => Count / Window.TotalSeconds;
}
