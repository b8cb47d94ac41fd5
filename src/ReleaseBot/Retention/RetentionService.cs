using ReleaseBot.Core.Retention;

namespace ReleaseBot.Retention;

/// <summary>Runs the <see cref="OutboxRetention"/> schedule for the host's lifetime.</summary>
public sealed class RetentionService(OutboxRetention retention) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => retention.RunAsync(stoppingToken);
}
