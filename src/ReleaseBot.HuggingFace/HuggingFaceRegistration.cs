using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;
using ReleaseBot.HuggingFace.Client;
using ReleaseBot.HuggingFace.Polling;
using ReleaseBot.HuggingFace.Webhooks;
using ReleaseBot.Web;

namespace ReleaseBot.HuggingFace;

public static class HuggingFaceRegistration
{
    /// <summary>
    /// The Hub source: options, the typed client with its pacing/retry handler, the platform-neutral ingestion
    /// services, the vendor and trending pollers (unless <c>Enabled=false</c>) and the webhook endpoint (only when enabled).
    /// Needs the store ports and <c>IEventSink</c> from the other registrations.
    /// </summary>
    public static IHostApplicationBuilder AddHuggingFace(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HuggingFaceOptions>().BindConfiguration(HuggingFaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HuggingFaceOptions>, HuggingFaceOptionsValidator>();
        // The ingestion rules sit in the Hub's section (ReleaseBot:HuggingFace:BackfillCount …) but belong to Core's ingestor.
        services.AddOptions<IngestOptions>().BindConfiguration(HuggingFaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IngestOptions>>(new IngestOptionsValidator(HuggingFaceOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IngestOptions>>().Value);
        services.AddRankAlertRules();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthState>();

        AddHubClient(services);
        services.AddSingleton<IModelDetailSource, HubDetailSource>();
        services.AddSingleton<ReleaseIngestor>();
        services.AddSingleton<ReleaseEnrichment>();
        services.AddSingleton<TrendingTracker>();
        services.AddSingleton<VendorPollCycle>();
        services.AddSingleton<TrendingCycle>();

        services.AddHostedService<QueuedAnnouncements>();
        var section = builder.Configuration.GetSection(HuggingFaceOptions.Section);
        if (section.GetValue(nameof(HuggingFaceOptions.Enabled), true))
        {
            services.AddHostedService<VendorPoller>();
            services.AddHostedService<TrendingPoller>();
        }

        if (section.GetValue("Webhook:Enabled", false))
        {
            services.AddSingleton<WebhookReceiver>();
            builder.AddWebhookEndpoint(sp => sp.GetRequiredService<WebhookReceiver>(), HubWebhookOptions.FormerListenUrlKey);
            services.AddHostedService(sp => sp.GetRequiredService<WebhookReceiver>());
        }

        return builder;
    }

    private static void AddHubClient(IServiceCollection services)
    {
        services.AddSingleton<HubRateGate>();
        services.AddTransient<HubHttpHandler>();
        services.AddHttpClient<HubClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
                http.BaseAddress = options.BaseUrl;
                // Per-attempt timeouts are in HubHttpHandler; a client-wide one would cut 429 waits short.
                http.Timeout = Timeout.InfiniteTimeSpan;
                // A body past the limit fails while it is buffered, before it fills the memory (HubClient names the limit).
                http.MaxResponseContentBufferSize = options.MaxResponseBytes;
                http.DefaultRequestHeaders.UserAgent.ParseAdd(HubClient.UserAgent);
                http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (!string.IsNullOrEmpty(options.Token))
                {
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
                }
            })
            // 307s are followed by HubClient so every hop is paced and keeps the Authorization header.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .AddHttpMessageHandler<HubHttpHandler>()
            // The default HttpClient logging would write request URLs at Information; keep the wire quiet.
            .RemoveAllLoggers();
    }

    /// <summary>
    /// The one rank-move rule of live alerts (TrendingTracker) and the digest (DigestComposer), from the
    /// <c>ReleaseBot:HuggingFace</c> keys EnteredTopRank and ClimbPlaces; whichever part needs it first registers it.
    /// </summary>
    public static IServiceCollection AddRankAlertRules(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(RankAlertRules)))
        {
            return services;
        }

        services.AddOptions<RankAlertRules>().BindConfiguration(HuggingFaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RankAlertRules>>(new RankAlertRulesValidator(HuggingFaceOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RankAlertRules>>().Value);
        return services;
    }
}
