using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Ingest;
using ReleaseBot.HuggingFace;
using ReleaseBot.HuggingFace.Client;
using ReleaseBot.HuggingFace.Polling;
using ReleaseBot.HuggingFace.Webhooks;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Composition;

public static class HuggingFaceRegistration
{
    /// <summary>
    /// The Hub source: options, the typed client with its pacing/retry handler, the platform-neutral ingestion
    /// services, the vendor and trending pollers (unless <c>Enabled=false</c>) and the webhook receiver (only when enabled).
    /// Needs the store ports and <c>IEventSink</c> from the other registrations.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotHuggingFace(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HuggingFaceOptions>().BindConfiguration(HuggingFaceOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HuggingFaceOptions>, HuggingFaceOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<HubRateGate>();
        services.AddTransient<HubHttpHandler>();
        services.AddHttpClient<HubClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
                http.BaseAddress = options.BaseUrl;
                // Per-attempt timeouts are in HubHttpHandler; a client-wide one would cut 429 waits short.
                http.Timeout = Timeout.InfiniteTimeSpan;
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

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.ToIngestOptions());
        services.AddRankAlertRules();
        services.AddSingleton<IModelDetailSource, HubDetailSource>();
        services.AddSingleton<ReleaseIngestor>();
        services.AddSingleton<ReleaseEnrichment>();
        services.AddSingleton<TrendingTracker>();
        services.AddSingleton<VendorPollCycle>();
        services.AddSingleton<TrendingCycle>();

        var section = builder.Configuration.GetSection(HuggingFaceOptions.Section);
        if (section.GetValue("Enabled", true))
        {
            services.AddHostedService<VendorPoller>();
            services.AddHostedService<TrendingPoller>();
        }

        if (section.GetValue("Webhook:Enabled", false))
        {
            services.AddSingleton<WebhookReceiver>();
            services.AddHostedService(sp => sp.GetRequiredService<WebhookReceiver>());
        }

        return builder;
    }

    /// <summary>
    /// The one rank-move rule of live alerts (TrendingTracker) and the digest (DigestComposer), from the
    /// <c>ReleaseBot:HuggingFace</c> keys EnteredTopRank and ClimbPlaces; whichever part needs it first registers it.
    /// </summary>
    internal static IServiceCollection AddRankAlertRules(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<HuggingFaceOptions>>().Value.ToRankAlertRules());
        return services;
    }
}
