using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Composition;

/// <summary>Builds the host: configuration sources in their order of precedence, and logging.</summary>
public static class ReleaseBotHost
{
    /// <summary>
    /// <c>config/appsettings.json</c> (beside the binary) first, then the defaults of
    /// <see cref="Host.CreateApplicationBuilder(HostApplicationBuilderSettings)"/>: appsettings.json of the
    /// working directory, environment variables (<c>ReleaseBot__Telegram__Token</c>) and the command line, each overriding the one before.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json"), optional: true);

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            Configuration = configuration,
        });

        // stdout belongs to the console chat: every log line goes to stderr.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }
}
