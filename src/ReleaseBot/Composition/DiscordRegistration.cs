using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Discord;

namespace ReleaseBot.Composition;

public static partial class DiscordRegistration
{
    /// <summary>
    /// Binds <c>ReleaseBot:Discord</c>. The Discord client is not part of this build: a configured token is
    /// reported at start instead of being silently ignored.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotDiscord(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section);
        builder.Services.AddHostedService<DiscordNotBuiltNotice>();
        return builder;
    }

    private sealed partial class DiscordNotBuiltNotice(IOptions<DiscordOptions> options, ILogger<DiscordNotBuiltNotice> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Enabled)
            {
                Log.NotBuilt(logger);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static partial class Log
        {
            [LoggerMessage(9001, LogLevel.Warning, "ReleaseBot:Discord:Token is set, but the Discord adapter is not part of this build yet; Discord stays off")]
            public static partial void NotBuilt(ILogger logger);
        }
    }
}
