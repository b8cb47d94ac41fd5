using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Commands;
using Telegram.Bot;
using Telegram.Bot.Serialization;
using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Webhook mode: listens on <see cref="TelegramOptions.WebhookListenUrl"/> at the path of <see cref="TelegramOptions.WebhookUrl"/>,
/// registers the webhook with its <c>secret_token</c>, and handles each POSTed update once, in order. A request
/// without the right <c>X-Telegram-Bot-Api-Secret-Token</c> (compared in constant time) gets 401; an update
/// whose id is below the stored offset (a redelivery) is acknowledged and skipped. A failed update answers 500,
/// so Telegram sends it again.
/// </summary>
public sealed partial class TelegramWebhookService(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramCommandMenu menu,
    TelegramUpdateHandler handler,
    TelegramUpdateOffset offsets,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookService> logger) : BackgroundService
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    private readonly SemaphoreSlim _inOrder = new(1, 1);
    private WebApplication? _app;

    /// <summary>The address the listener is bound to (useful when the port was 0).</summary>
    public string? ListeningOn { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var path = new Uri(o.WebhookUrl!).AbsolutePath;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(o.WebhookListenUrl);
        _app = builder.Build();
        _app.MapPost(path, (Func<HttpContext, Task<IResult>>)ReceiveAsync);
        await _app.StartAsync(stoppingToken);
        ListeningOn = _app.Urls.FirstOrDefault();

        var me = await identity.GetAsync(stoppingToken);
        await menu.PublishAsync(CommandCatalog.All, stoppingToken);
        await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: TelegramUpdateHandler.AllowedUpdates, secretToken: o.WebhookSecret, cancellationToken: stoppingToken);
        Log.Listening(logger, me.Username ?? string.Empty, path);
        await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        if (!SecretMatches(context.Request.Headers[SecretHeader].ToString(), options.Value.WebhookSecret))
        {
            Log.BadSecret(logger);
            return Results.Unauthorized();
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(context.Request.Body, JsonBotAPI.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (update is null)
        {
            return Results.BadRequest();
        }

        await _inOrder.WaitAsync(context.RequestAborted);
        try
        {
            if (update.Id < await offsets.GetAsync(context.RequestAborted))
            {
                return Results.Ok();
            }

            await handler.HandleAsync(update, context.RequestAborted);
            await offsets.SetAsync(update.Id + 1, CancellationToken.None);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.UpdateFailed(logger, ex, update.Id);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
        finally
        {
            _inOrder.Release();
        }
    }

    /// <summary>Constant-time comparison, so the secret cannot be guessed from response times.</summary>
    public static bool SecretMatches(string? presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented ?? string.Empty), Encoding.UTF8.GetBytes(expected));

    private static partial class Log
    {
        [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Telegram bot @{Username} receiving updates by webhook at {Path}")]
        public static partial void Listening(ILogger logger, string username, string path);

        [LoggerMessage(EventId = 4602, Level = LogLevel.Warning, Message = "Webhook request with a missing or wrong secret token rejected")]
        public static partial void BadSecret(ILogger logger);

        [LoggerMessage(EventId = 4603, Level = LogLevel.Error, Message = "Webhook update {UpdateId} failed")]
        public static partial void UpdateFailed(ILogger logger, Exception exception, int updateId);
    }
}
