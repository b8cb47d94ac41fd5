using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;
using ReleaseBot.Telegram.Health;
using ReleaseBot.Telegram.Chats;
using ReleaseBot.Telegram.Receiving;
using ReleaseBot.Telegram.Rendering;
using ReleaseBot.Telegram.Sending;
using ReleaseBot.Web;
using Telegram.Bot;

namespace ReleaseBot.Telegram;

public static class TelegramRegistration
{
    public const string HttpClientName = "telegram";

    /// <summary>
    /// The Telegram adapter, when <c>ReleaseBot:Telegram:Token</c> is set: the Bot API client, the sender the
    /// dispatcher uses, and polling (default) or the webhook endpoint. Needs the store ports and the command router.
    /// </summary>
    public static IHostApplicationBuilder AddTelegram(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section);
        if (string.IsNullOrWhiteSpace(builder.Configuration[$"{TelegramOptions.Section}:Token"]))
        {
            return builder;
        }

        services.AddOptions<TelegramOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        AddBotClient(services);

        services.AddSingleton(new TelegramRenderer());
        services.AddSingleton<TelegramSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<TelegramSender>());
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<TelegramCommandMenu>();
        services.AddSingleton<TelegramUpdateLedger>();
        services.AddSingleton<TelegramRawUpdates>();
        services.AddSingleton<TelegramMembershipHandler>();
        services.AddSingleton<TelegramUpdateHandler>();

        var mode = builder.Configuration.GetSection(TelegramOptions.Section).GetValue(nameof(TelegramOptions.Mode), TelegramMode.Polling);
        if (mode == TelegramMode.Webhook)
        {
            services.AddSingleton<TelegramWebhookService>();
            // The endpoint (and with it the listener) first: setWebhook in the service's start finds the path served.
            builder.AddWebhookEndpoint(sp => sp.GetRequiredService<TelegramWebhookService>(), TelegramOptions.FormerListenUrlKey);
            services.AddHostedService(sp => sp.GetRequiredService<TelegramWebhookService>());
        }
        else
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return builder;
    }

    private static void AddBotClient(IServiceCollection services)
    {
        // The token is part of every request URL: the client's HTTP logging is removed so it never reaches a log.
        // The client lives as long as the app, so connections are recycled by the handler instead of the factory.
        services.TryAddSingleton<HealthState>();
        services.AddSingleton(new ExpectedComponent(HealthComponent.Telegram));
        services.AddTransient<TelegramHealthHandler>();
        services.AddHttpClient(HttpClientName)
            .RemoveAllLoggers()
            .AddHttpMessageHandler<TelegramHealthHandler>()
            .ConfigureHttpClient((sp, http) =>
                http.Timeout = sp.GetRequiredService<IOptions<TelegramOptions>>().Value.LongPollTimeout + TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // RetryThreshold 0: 429s come back as exceptions and are handled in one place (TelegramSender).
            var clientOptions = new TelegramBotClientOptions(o.Token!, o.ApiBaseUrl) { RetryThreshold = 0 };
            return new TelegramBotClient(clientOptions, sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));
        });
    }
}
