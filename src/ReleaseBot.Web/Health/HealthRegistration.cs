using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;

namespace ReleaseBot.Web.Health;

public static class HealthRegistration
{
    /// <summary>
    /// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> when <c>ReleaseBot:Health:ListenUrl</c> is set: on the webhook
    /// listener when the URL is that listener's (<c>ReleaseBot:Web:ListenUrl</c>), else on a listener of their own.
    /// Call it after every part that may add a webhook endpoint. Needs <see cref="Core.Ports.IStateStore"/>.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotHealth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HealthOptions>, HealthOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HealthState>();
        var url = builder.Configuration[$"{HealthOptions.Section}:{nameof(HealthOptions.ListenUrl)}"];
        if (string.IsNullOrWhiteSpace(url))
        {
            return builder;
        }

        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<HealthEndpoints>();
        if (SharesWebhookListener(builder, url))
        {
            services.AddSingleton<IListenerRoutes>(sp => sp.GetRequiredService<HealthEndpoints>());
        }
        else
        {
            services.AddSingleton<HealthListener>();
            services.AddHostedService(sp => sp.GetRequiredService<HealthListener>());
        }

        return builder;
    }

    private static bool SharesWebhookListener(IHostApplicationBuilder builder, string url)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(WebhookListener)))
        {
            return false;
        }

        var web = builder.Configuration[$"{WebOptions.Section}:{nameof(WebOptions.ListenUrl)}"];
        var webUrl = string.IsNullOrWhiteSpace(web) ? WebOptions.DefaultListenUrl : web;
        return string.Equals(webUrl.TrimEnd('/'), url.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
    }
}
