using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Dispatch;

/// <summary>Runs one <see cref="DispatchEngine"/> loop per registered platform sender.</summary>
public sealed partial class DispatchService(
    IEnumerable<IMessageSender> senders,
    IOutbox outbox,
    ISubscriptionStore subscriptions,
    IEventComposer composer,
    DispatchSignal signal,
    DispatchOptions options,
    TimeProvider time,
    ILoggerFactory loggers) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<DispatchService>();
        var engines = senders
            .Select(sender => new DispatchEngine(
                sender, outbox, subscriptions, composer, signal, options, time, loggers.CreateLogger<DispatchEngine>()))
            .ToList();
        if (engines.Count == 0)
        {
            Log.NoSenders(logger);
            return Task.CompletedTask;
        }

        return Task.WhenAll(engines.Select(engine => engine.RunAsync(stoppingToken)));
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 9301, Level = LogLevel.Warning, Message = "No message sender is registered; nothing will be delivered")]
        public static partial void NoSenders(ILogger logger);
    }
}
