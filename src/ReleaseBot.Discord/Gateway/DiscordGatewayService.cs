using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Health;
using ReleaseBot.Discord.Receiving;

namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// Runs the gateway session for the life of the host. When Discord refuses the bot for good (bad token, disallowed
/// intents), <see cref="DiscordGatewayClient"/> has logged why in one line; this service then ends without reconnecting
/// (an Identify loop would get the token reset) and without stopping the host: Telegram, the console and the pollers
/// keep running.
/// </summary>
public sealed partial class DiscordGatewayService(
    DiscordGatewayClient gateway,
    DiscordBackgroundWork work,
    HealthState health,
    ILogger<DiscordGatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await gateway.RunAsync(stoppingToken);
        }
        catch (DiscordGatewayFatalException e)
        {
            // The message names the cause (close code and meaning), never the token.
            health.Failed(HealthComponent.Discord, e.Message);
            Log.Stopped(logger, e.CloseCode);
        }
        finally
        {
            await work.WhenIdleAsync();
        }
    }

    private static partial class Log
    {
        [LoggerMessage(5750, LogLevel.Debug, "Discord gateway service ended after fatal close code {CloseCode}")]
        public static partial void Stopped(ILogger logger, int? closeCode);
    }
}
