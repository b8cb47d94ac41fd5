using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Scheduling;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Long polling: removes any webhook, publishes the command menu, then asks getUpdates from the stored offset and
/// handles the batch concurrently across chats and in order within each chat (<see cref="KeyedSerialExecutor{TKey}"/>,
/// at most <see cref="TelegramOptions.MaxConcurrentUpdates"/> at once). A failed poll (network, 409 from a second
/// instance, 5xx) pauses, doubling up to a limit, and polling goes on.
/// </summary>
/// <remarks>
/// The next getUpdates waits for the whole batch: asking with a higher offset confirms the batch to Telegram, which then
/// forgets it, so an update still running would be lost by a crash. Each finished update is written to the
/// <see cref="TelegramUpdateLedger"/> at once, and the offset moves past the batch when all of it is done, so a restart
/// mid-batch gets the batch again and skips what was answered. The cost: a slow update (an admin check that hangs)
/// delays the next batch, never the other chats of its own batch.
/// </remarks>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramCommandMenu menu,
    TelegramUpdateHandler handler,
    TelegramUpdateLedger ledger,
    TelegramRawUpdates raw,
    IOptions<TelegramOptions> options,
    TimeProvider timeProvider,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    private readonly KeyedSerialExecutor<long> _chats = new(options.Value.MaxConcurrentUpdates);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var pause = o.PollErrorPause;
        var started = false;
        var offset = await ledger.LoadAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    await ConnectAsync(stoppingToken);
                    started = true;
                }

                var batch = await GetUpdatesAsync(offset, stoppingToken);
                pause = o.PollErrorPause;
                await Task.WhenAll(batch.Updates
                    .Where(u => !ledger.IsHandled(u.Id))
                    .Select(u => _chats.RunAsync(TelegramUpdateKey.Of(u), token => HandleAsync(u, token), stoppingToken)));
                if (batch.NextOffset > offset)
                {
                    offset = batch.NextOffset;
                    await ledger.AdvanceAsync(offset, CancellationToken.None);
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

    /// <summary>A batch Telegram.Bot cannot read (one malformed update) is read again one update at a time, past the bad ones.</summary>
    private async Task<TelegramUpdateBatch> GetUpdatesAsync(int offset, CancellationToken cancellationToken)
    {
        try
        {
            var updates = await bot.GetUpdates(
                offset, limit: 100, timeout: (int)options.Value.LongPollTimeout.TotalSeconds, TelegramUpdateHandler.AllowedUpdates, cancellationToken);
            return new TelegramUpdateBatch(updates, updates.Length > 0 ? updates.Max(u => u.Id) + 1 : offset);
        }
        catch (RequestException ex) when (ex is not ApiRequestException && ex.InnerException is System.Text.Json.JsonException)
        {
            return await raw.ReadAsync(offset, cancellationToken);
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var me = await identity.GetAsync(cancellationToken);
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        await menu.PublishAsync(CommandCatalog.All, cancellationToken);
        Log.Polling(logger, me.Username ?? me.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// An update that fails is logged and passed over: one bad message must not stop the bot. One cut short by the stop
    /// is not recorded, so the restart handles it.
    /// </summary>
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

        // Recorded even when stopping: the update has been answered and must not be answered again after a restart.
        await ledger.MarkHandledAsync(update.Id, CancellationToken.None);
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
