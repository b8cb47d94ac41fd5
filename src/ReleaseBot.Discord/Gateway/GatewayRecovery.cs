namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// The decisions between two connections: Resume, Identify or stop (https://docs.discord.com/developers/events/gateway#resuming),
/// and how long to wait first, so that nothing ever loops on Identify (1000 a day, then the token is reset).
/// </summary>
public static class GatewayRecovery
{
    public static GatewayNextStep NextStep(GatewayEnd end) => end.Reason switch
    {
        GatewayEndReason.Closed => GatewayCloseCodes.Classify(end.CloseCode),
        GatewayEndReason.InvalidSession => end.Resumable ? GatewayNextStep.Resume : GatewayNextStep.Identify,
        _ => GatewayNextStep.Resume,
    };

    /// <summary>
    /// The pause before the next connection. None after a connection that worked (Discord wants a prompt Resume);
    /// after <paramref name="failures"/> consecutive failed or short-lived ones, <see cref="DiscordOptions.ReconnectDelayMin"/> doubled per
    /// failure; before an Identify that follows <paramref name="identifyFailures"/> failed Identifies, at least
    /// <see cref="DiscordOptions.IdentifyRetryDelayMin"/> doubled likewise; after op 9 with <c>d: false</c>, the random
    /// 1–5 s the docs ask for; after 4008 (rate limited), at least the Identify pause. All capped at
    /// <see cref="DiscordOptions.ReconnectDelayMax"/> and jittered so that restarts of many processes spread out.
    /// </summary>
    public static TimeSpan Delay(GatewayEnd end, GatewayNextStep next, int failures, int identifyFailures, DiscordOptions options, Random random)
    {
        var delay = TimeSpan.Zero;
        if (failures > 0)
        {
            delay = Jitter(Doubled(options.ReconnectDelayMin, failures, options.ReconnectDelayMax), random);
        }

        if (next == GatewayNextStep.Identify && identifyFailures > 0)
        {
            delay = Max(delay, Jitter(Doubled(options.IdentifyRetryDelayMin, identifyFailures, options.ReconnectDelayMax), random));
        }

        if (end.Reason == GatewayEndReason.InvalidSession && next == GatewayNextStep.Identify)
        {
            var spread = options.InvalidSessionDelayMax - options.InvalidSessionDelayMin;
            delay = Max(delay, options.InvalidSessionDelayMin + spread * random.NextDouble());
        }

        if (end is { Reason: GatewayEndReason.Closed, CloseCode: 4008 })
        {
            delay = Max(delay, options.IdentifyRetryDelayMin);
        }

        return delay;
    }

    /// <summary>The first heartbeat waits <c>interval * jitter</c>, jitter in [0, 1) (https://docs.discord.com/developers/events/gateway#sending-heartbeats).</summary>
    public static TimeSpan FirstHeartbeat(TimeSpan interval, Random random) => interval * random.NextDouble();

    private static TimeSpan Doubled(TimeSpan start, int times, TimeSpan cap)
    {
        var factor = Math.Pow(2, Math.Min(times - 1, 30));
        var ticks = Math.Min(start.Ticks * factor, cap.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    // Between half and all of the delay.
    private static TimeSpan Jitter(TimeSpan delay, Random random) => delay * (0.5 + random.NextDouble() / 2);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
