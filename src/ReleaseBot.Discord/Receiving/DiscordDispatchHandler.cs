using System.Text.Json;
using ReleaseBot.Core.Health;
using ReleaseBot.Discord.Chats;
using ReleaseBot.Discord.Commands;
using ReleaseBot.Discord.Gateway;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// The gateway's events, to the part that acts on each: READY registers the commands, INTERACTION_CREATE is answered,
/// GUILD_DELETE / CHANNEL_DELETE / THREAD_DELETE update subscriptions. Answers and registration run beside the dispatch
/// task, so a slow command never holds up the next interaction past its 3 seconds.
/// </summary>
public sealed class DiscordDispatchHandler(
    DiscordInteractionHandler interactions,
    DiscordCommandRegistrar commands,
    DiscordGuildLifecycle lifecycle,
    DiscordBackgroundWork work,
    HealthState health) : IGatewayDispatchHandler
{
    public async Task HandleAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        switch (eventName)
        {
            case "READY" when GatewayReady.TryParse(data) is { } ready:
                health.Succeeded(HealthComponent.Discord);
                _ = work.Start("command registration", () => commands.RegisterAsync(ready.ApplicationId, cancellationToken));
                break;
            case "RESUMED":
                health.Succeeded(HealthComponent.Discord);
                break;
            case "INTERACTION_CREATE" when interactions.Claim(data) is { } interaction:
                _ = work.Start("answering an interaction", () => interactions.AnswerOverGatewayAsync(interaction, cancellationToken));
                break;
            case "GUILD_DELETE":
                await lifecycle.GuildDeletedAsync(data, cancellationToken);
                break;
            case "CHANNEL_DELETE":
                await lifecycle.ChannelDeletedAsync(data, cancellationToken);
                break;
            case "THREAD_DELETE":
                await lifecycle.ThreadDeletedAsync(data, cancellationToken);
                break;
        }
    }
}
