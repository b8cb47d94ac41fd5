using System.Text.Json;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Discord.Chats;

/// <summary>
/// Follows the bot's servers and channels: leaving a server (GUILD_DELETE without <c>unavailable</c>) pauses the
/// subscriptions of its channels with a reason <c>/settings</c> shows, so that re-inviting the bot and <c>/subscribe</c>
/// brings them back with their filters; a deleted channel or thread takes its subscription with it.
/// </summary>
public sealed partial class DiscordGuildLifecycle(
    ISubscriptionStore subscriptions,
    TimeProvider timeProvider,
    ILogger<DiscordGuildLifecycle> logger)
{
    public const string RemovedFromServer = "bot was removed from the Discord server";

    public async Task GuildDeletedAsync(JsonElement data, CancellationToken cancellationToken)
    {
        // unavailable: true is an outage; the bot is still in the server and the guild comes back with GUILD_CREATE.
        if (Id(data) is not { } guildId || data.TryGetProperty("unavailable", out var unavailable) && unavailable.ValueKind == JsonValueKind.True)
        {
            return;
        }

        foreach (var subscription in await DiscordSubscriptionsAsync(activeOnly: true, s => s.Group == guildId, cancellationToken))
        {
            await subscriptions.UpsertSubscriptionAsync(
                subscription with { Active = false, PausedReason = RemovedFromServer, PausedAt = timeProvider.GetUtcNow() },
                cancellationToken);
            Log.Paused(logger, subscription.Id, guildId);
        }
    }

    /// <summary>CHANNEL_DELETE: the channel's subscription, and those of threads in it, are removed.</summary>
    public Task ChannelDeletedAsync(JsonElement data, CancellationToken cancellationToken) =>
        Id(data) is { } channelId ? RemoveAsync(s => s.Chat.ChatId == channelId, channelId, cancellationToken) : Task.CompletedTask;

    /// <summary>THREAD_DELETE: the thread's subscription is removed.</summary>
    public Task ThreadDeletedAsync(JsonElement data, CancellationToken cancellationToken) =>
        Id(data) is { } threadId ? RemoveAsync(s => s.Chat.ThreadId == threadId, threadId, cancellationToken) : Task.CompletedTask;

    private async Task RemoveAsync(Func<Subscription, bool> inChannel, string channelId, CancellationToken cancellationToken)
    {
        foreach (var subscription in await DiscordSubscriptionsAsync(activeOnly: false, inChannel, cancellationToken))
        {
            await subscriptions.DeleteSubscriptionAsync(subscription.Id, cancellationToken);
            Log.Removed(logger, subscription.Id, channelId);
        }
    }

    private async Task<IEnumerable<Subscription>> DiscordSubscriptionsAsync(
        bool activeOnly, Func<Subscription, bool> predicate, CancellationToken cancellationToken) =>
        (await subscriptions.GetSubscriptionsAsync(activeOnly, cancellationToken)).Where(s => s.Chat.Platform == Platform.Discord && predicate(s));

    private static string? Id(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            && id.GetString() is { Length: > 0 } s ? s : null;

    private static partial class Log
    {
        [LoggerMessage(5730, LogLevel.Information, "Subscription {SubscriptionId} paused: the bot left Discord server {GuildId}")]
        public static partial void Paused(ILogger logger, string subscriptionId, string guildId);

        [LoggerMessage(5731, LogLevel.Information, "Subscription {SubscriptionId} removed: Discord channel {ChannelId} was deleted")]
        public static partial void Removed(ILogger logger, string subscriptionId, string channelId);
    }
}
