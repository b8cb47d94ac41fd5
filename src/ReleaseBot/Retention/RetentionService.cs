using ReleaseBot.Core.Retention;

namespace ReleaseBot.Retention;

/// <summary>Runs the <see cref="OutboxRetention"/> and <see cref="StoreBackup"/> schedules for the host's lifetime.</summary>
public sealed class RetentionService(OutboxRetention retention, StoreBackup backup) : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(retention.RunAsync(stoppingToken), backup.RunAsync(stoppingToken));
}
