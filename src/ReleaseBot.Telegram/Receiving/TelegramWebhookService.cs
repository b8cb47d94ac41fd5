using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Scheduling;
using ReleaseBot.Web;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Webhook mode: an endpoint on the shared <see cref="WebhookListener"/> at the path of <see cref="TelegramOptions.WebhookUrl"/>;
/// at start it registers the webhook with its <c>secret_token</c>, then handles each POSTed update once, concurrently across
/// chats and in order of arrival within one chat (<see cref="KeyedSerialExecutor{TKey}"/>, at most
/// <see cref="TelegramOptions.MaxConcurrentUpdates"/> at once). A request without the right
/// <c>X-Telegram-Bot-Api-Secret-Token</c> (<see cref="SecretCheck"/>) gets 401; an update the
/// <see cref="TelegramUpdateLedger"/> has as handled (a redelivery) is acknowledged and skipped. A failed update answers
/// 500, so Telegram sends it again.
/// </summary>
public sealed partial class TelegramWebhookService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramCommandMenu menu,
    TelegramUpdateHandler handler,
    TelegramUpdateLedger ledger,
    TelegramRawUpdates raw,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookService> logger) : BackgroundService, IWebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>An update is a few kilobytes (a message is at most 4,096 characters); a larger body is refused unread.</summary>
    public const long MaxBodyBytes = 1 << 20;

    private readonly KeyedSerialExecutor<long> _chats = new(options.Value.MaxConcurrentUpdates);

    public string Path => new Uri(options.Value.WebhookUrl!).AbsolutePath;

    /// <summary>Registers the webhook once the listener is up (it starts before this service).</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var me = await identity.GetAsync(stoppingToken);
        await menu.PublishAsync(CommandCatalog.All, stoppingToken);
        await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: TelegramUpdateHandler.AllowedUpdates, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
        Log.Listening(logger, me.Username ?? string.Empty, Path);
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        if (!SecretCheck.Matches(context.Request.Headers[SecretHeader].FirstOrDefault(), options.Value.WebhookSecret ?? string.Empty))
        {
            Log.BadSecret(logger);
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }

            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            update = raw.Read(document.RootElement);
        }
        catch (JsonException ex)
        {
            Log.NotJson(logger, ex.Message);
            return Results.BadRequest();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            Log.TooLarge(logger, MaxBodyBytes);
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (update is null)
        {
            // Logged by the reader. Answered 200 so that Telegram does not send it again: it would never read.
            return Results.Ok();
        }

        try
        {
            await ledger.LoadAsync(context.RequestAborted);
            await _chats.RunAsync(TelegramUpdateKey.Of(update), token => HandleOnceAsync(update, token), context.RequestAborted);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.UpdateFailed(logger, ex, update.Id);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Checked inside the chat's line: a redelivery that arrives while the first delivery runs waits for it, then is skipped.</summary>
    private async Task HandleOnceAsync(Update update, CancellationToken cancellationToken)
    {
        if (ledger.IsHandled(update.Id))
        {
            return;
        }

        await handler.HandleAsync(update, cancellationToken);
        await ledger.MarkHandledAsync(update.Id, CancellationToken.None);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Telegram bot @{Username} receiving updates by webhook at {Path}")]
        public static partial void Listening(ILogger logger, string username, string path);

        [LoggerMessage(EventId = 4602, Level = LogLevel.Warning, Message = "Webhook request with a missing or wrong secret token rejected")]
        public static partial void BadSecret(ILogger logger);

        [LoggerMessage(EventId = 4603, Level = LogLevel.Error, Message = "Webhook update {UpdateId} failed")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId);

        [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "Webhook request refused (400): the body is not JSON ({Reason})")]
        public static partial void NotJson(ILogger logger, string reason);

        [LoggerMessage(EventId = 4605, Level = LogLevel.Warning, Message = "Webhook request refused (413): the body is over {MaxBytes} bytes")]
        public static partial void TooLarge(ILogger logger, long maxBytes);
    }
}
