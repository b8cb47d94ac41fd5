using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Seed;

namespace ReleaseBot.Seed;

/// <summary>
/// Imports the bundled seed before anything else runs: <see cref="StartingAsync"/> is awaited for every
/// lifecycle service before any hosted service's StartAsync, so pollers and command handlers find the
/// vendors and history in the store whatever the registration order. A malformed file stops the start;
/// missing files only warn (the bot still works from live polling, without history).
/// </summary>
public sealed partial class SeedImportService(
    SeedImporter importer,
    IOptions<SeedOptions> options,
    ILogger<SeedImportService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            Log.Disabled(logger);
            return;
        }

        var vendors = SeedFileLocator.Resolve(settings.VendorsPath, out var triedVendors);
        var releases = SeedFileLocator.Resolve(settings.ReleasesPath, out var triedReleases);
        if (vendors is null || releases is null)
        {
            Log.FilesMissing(logger, string.Join(", ", (vendors is null ? triedVendors : []).Concat(releases is null ? triedReleases : [])));
            return;
        }

        var source = await SeedSource.OpenFilesAsync(vendors, releases, cancellationToken);
        try
        {
            await importer.ImportAsync(source, cancellationToken);
        }
        catch (SeedFormatException e)
        {
            Log.Malformed(logger, e);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static partial class Log
    {
        [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Seed import disabled (ReleaseBot:Seed:Enabled = false)")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(EventId = 9202, Level = LogLevel.Warning,
            Message = "Seed files not found (tried {Paths}); starting without bundled vendors and history. Set ReleaseBot:Seed:VendorsPath / ReleasesPath")]
        public static partial void FilesMissing(ILogger logger, string paths);

        [LoggerMessage(EventId = 9203, Level = LogLevel.Critical, Message = "Seed files are malformed; fix them or disable ReleaseBot:Seed:Enabled")]
        public static partial void Malformed(ILogger logger, Exception exception);
    }
}
