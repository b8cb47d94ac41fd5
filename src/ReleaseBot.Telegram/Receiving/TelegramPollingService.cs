using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Commands;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Long polling: removes any webhook, publishes the command menu, then asks getUpdates from the stored
/// offset, handles each update in order and stores the next offset after each. A failed poll (network,
/// 409 from a second instance, 5xx) pauses, doubling up to a limit, and polling goes on.
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramCommandMenu menu,
    TelegramUpdateHandler handler,
    TelegramUpdateOffset offsets,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var pause = o.PollErrorPause;
        var started = false;
        var offset = await offsets.GetAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    await ConnectAsync(stoppingToken);
                    started = true;
                }

                var updates = await bot.GetUpdates(
                    offset, limit: 100, timeout: (int)o.LongPollTimeout.TotalSeconds, TelegramUpdateHandler.AllowedUpdates, stoppingToken);
                pause = o.PollErrorPause;
                foreach (var update in updates.Where(u => u.Id >= offset))
                {
                    await HandleAsync(update, stoppingToken);
                    offset = update.Id + 1;
                    // Stored even when stopping: the update has been answered and must not be answered again after a restart.
                    await offsets.SetAsync(offset, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailure(ex, pause);
                await Task.Delay(pause, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = pause * 2 > o.PollErrorPauseMax ? o.PollErrorPauseMax : pause * 2;
            }
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var me = await identity.GetAsync(cancellationToken);
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        await menu.PublishAsync(CommandCatalog.All, cancellationToken);
        Log.Polling(logger, me.Username ?? me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>An update that fails is logged and passed over: one bad message must not stop the bot.</summary>
    private async Task HandleAsync(global::Telegram.Bot.Types.Update update, CancellationToken cancellationToken)
    {
        try
        {
            await handler.HandleAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.UpdateFailed(logger, ex, update.Id);
        }
    }

    /// <summary>API errors are logged by code and description; other exceptions by type only (their text may hold the URL and so the token).</summary>
    private void LogPollFailure(Exception ex, TimeSpan pause)
    {
        if (ex is ApiRequestException api)
        {
            Log.PollRejected(logger, api.ErrorCode, api.Message, pause);
        }
        else
        {
            Log.PollFailed(logger, ex.GetType().Name, pause);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Telegram bot @{Username} polling for updates")]
        public static partial void Polling(ILogger logger, string username);

        [LoggerMessage(EventId = 4502, Level = LogLevel.Warning, Message = "getUpdates answered {ErrorCode} {Description}; next poll in {Pause}")]
        public static partial void PollRejected(ILogger logger, int errorCode, string description, TimeSpan pause);

        [LoggerMessage(EventId = 4503, Level = LogLevel.Warning, Message = "getUpdates failed ({Exception}); next poll in {Pause}")]
        public static partial void PollFailed(ILogger logger, string exception, TimeSpan pause);

        [LoggerMessage(EventId = 4504, Level = LogLevel.Error, Message = "Update {UpdateId} failed")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId);
    }
}
