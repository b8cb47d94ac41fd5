using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive (https://docs.discord.com/developers/events/gateway#connection-lifecycle): connects
/// with <c>v=10&amp;encoding=json</c>, identifies once, resumes at <c>resume_gateway_url</c> after every drop, zombie,
/// op 7 and resumable op 9, identifies again only when the session is gone (with the waits in <see cref="GatewayRecovery"/>),
/// and stops on the close codes no reconnect can fix. Dispatches go to the <see cref="IGatewayDispatchHandler"/> in order.
/// </summary>
public sealed partial class DiscordGatewayClient(
    DiscordRestClient rest,
    IGatewayDispatchHandler handler,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordGatewayClient> logger)
{
    private const string Query = "v=10&encoding=json";

    private readonly GatewaySession _session = new();
    private readonly TaskCompletionSource<GatewayReadyInfo> _firstReady = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _gatewayUrl;
    private int _maxConcurrency = 1;
    private DateTimeOffset? _lastIdentifyAt;

    /// <summary>The current session's READY, or null while there is none.</summary>
    public GatewayReadyInfo? Ready => _session.Ready;

    /// <summary>Completes with the first READY of this client (the application id is needed to register commands).</summary>
    public Task<GatewayReadyInfo> WaitForReadyAsync(CancellationToken cancellationToken) => _firstReady.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled (then closes with 1000 and returns) or the gateway
    /// refuses the bot for good: then it logs one line and throws <see cref="DiscordGatewayFatalException"/>.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = Channel.CreateUnbounded<GatewayDispatch>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = ConsumeAsync(queue.Reader, cancellationToken);
        try
        {
            await ConnectLoopAsync(queue.Writer, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not an error.
        }
        finally
        {
            queue.Writer.TryComplete();
            await consumer;
        }
    }

    private async Task ConnectLoopAsync(ChannelWriter<GatewayDispatch> dispatches, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var random = new Random();
        var failures = 0;
        var identifyFailures = 0;
        var pause = TimeSpan.Zero;
        while (true)
        {
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, timeProvider, cancellationToken);
            }

            var resume = _session.CanResume;
            var url = resume ? _session.Ready!.ResumeGatewayUrl : await GatewayUrlAsync(refresh: failures > 0, cancellationToken);
            if (!resume && url is not null)
            {
                await SpaceIdentifyAsync(cancellationToken);
            }

            var connection = new GatewayConnection(_session, o.Token, timeProvider, random, dispatches, r => _firstReady.TrySetResult(r), logger);
            var connectedAt = timeProvider.GetTimestamp();
            var end = url is null ? new GatewayEnd(GatewayEndReason.Dropped) : await connection.RunAsync(WithQuery(url), resume, cancellationToken);
            _lastIdentifyAt = connection.IdentifiedAt ?? _lastIdentifyAt;
            if (end.Reason == GatewayEndReason.Stopped)
            {
                return;
            }

            // A connection that worked for a while resets the back-off; one that closed soon after READY/RESUMED does not.
            failures = end.Established && timeProvider.GetElapsedTime(connectedAt) >= o.MinStableConnection ? 0 : failures + 1;
            identifyFailures = end.Established ? 0 : resume || url is null ? identifyFailures : identifyFailures + 1;
            var next = GatewayRecovery.NextStep(end);
            if (next == GatewayNextStep.Fatal)
            {
                var description = GatewayCloseCodes.Describe(end.CloseCode);
                Log.Fatal(logger, end.CloseCode, description);
                throw new DiscordGatewayFatalException(end.CloseCode, $"Discord closed the gateway with {end.CloseCode} ({description}); not reconnecting");
            }

            if (next == GatewayNextStep.Identify)
            {
                _session.Reset();
            }

            pause = GatewayRecovery.Delay(end, next, failures, identifyFailures, o, random);
            ReleaseBotMetrics.GatewayReconnects.Add(1);
            Log.Reconnecting(logger, end.Reason, end.CloseCode, GatewayCloseCodes.Describe(end.CloseCode), next, pause.TotalSeconds);
        }
    }

    /// <summary>
    /// At most max_concurrency Identifies per <see cref="DiscordOptions.IdentifyWindow"/>; a faster one draws op 9. Spaced
    /// 5 % wider than that, since Discord counts arrivals and the network does not keep our spacing exactly.
    /// </summary>
    private async Task SpaceIdentifyAsync(CancellationToken cancellationToken)
    {
        if (_lastIdentifyAt is { } last)
        {
            var wait = last + options.Value.IdentifyWindow * 1.05 / _maxConcurrency - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The gateway URL: the configured one, else <c>GET /gateway/bot</c>'s, cached and asked again only after a failure
    /// (https://docs.discord.com/developers/events/gateway#connecting). A 401 there is fatal; an exhausted session start
    /// limit is waited out, since an Identify past it would be refused anyway. Null when Discord could not be asked.
    /// </summary>
    private async Task<string?> GatewayUrlAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.GatewayUrl))
        {
            return options.Value.GatewayUrl;
        }

        if (_gatewayUrl is not null && !refresh)
        {
            return _gatewayUrl;
        }

        var response = await rest.SendAsync(DiscordRoute.GetGatewayBot(), null, cancellationToken);
        if (response.Status == System.Net.HttpStatusCode.Unauthorized)
        {
            Log.Fatal(logger, null, "GET /gateway/bot answered 401: check ReleaseBot:Discord:Token");
            throw new DiscordGatewayFatalException(null, "Discord refused the bot token (401 on GET /gateway/bot); not connecting");
        }

        if (!response.IsSuccess || GatewayBot.TryParse(response.Body) is not { } gatewayBot)
        {
            Log.DiscoveryFailed(logger, response.ToString());
            return _gatewayUrl;
        }

        if (gatewayBot.SessionStartsRemaining == 0)
        {
            Log.SessionStartLimit(logger, gatewayBot.SessionStartsResetAfter.TotalMinutes);
            await Task.Delay(gatewayBot.SessionStartsResetAfter, timeProvider, cancellationToken);
        }

        _gatewayUrl = gatewayBot.Url;
        _maxConcurrency = gatewayBot.MaxConcurrency;
        return _gatewayUrl;
    }

    private async Task ConsumeAsync(ChannelReader<GatewayDispatch> reader, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var dispatch in reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await handler.HandleAsync(dispatch.EventName, dispatch.Data, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.HandlerFailed(logger, dispatch.EventName, dispatch.Sequence, e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: events not yet handled are dropped; Discord resends nothing after a 1000 close either.
        }
    }

    /// <summary>Adds <c>v=10&amp;encoding=json</c>; a resume URL comes without them and must get the same ones.</summary>
    private static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = Query };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    private static partial class Log
    {
        [LoggerMessage(5200, LogLevel.Information, "Discord gateway: connection ended ({Reason}, close code {CloseCode}: {Meaning}); {Next} in {PauseSeconds:F1} s")]
        public static partial void Reconnecting(ILogger logger, GatewayEndReason reason, int? closeCode, string meaning, GatewayNextStep next, double pauseSeconds);

        [LoggerMessage(5210, LogLevel.Critical, "Discord gateway stopped for good (close code {CloseCode}: {Meaning}); the Discord adapter is off until the setting is fixed and the bot restarted")]
        public static partial void Fatal(ILogger logger, int? closeCode, string meaning);

        [LoggerMessage(5211, LogLevel.Error, "Discord gateway: handling {EventName} (sequence {Sequence}) failed")]
        public static partial void HandlerFailed(ILogger logger, string eventName, long sequence, Exception exception);

        [LoggerMessage(5212, LogLevel.Warning, "Discord gateway: GET /gateway/bot failed ({Response})")]
        public static partial void DiscoveryFailed(ILogger logger, string response);

        [LoggerMessage(5213, LogLevel.Warning, "Discord gateway: no session starts left today; waiting {Minutes:F0} minutes before identifying")]
        public static partial void SessionStartLimit(ILogger logger, double minutes);
    }
}
