using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ReleaseBot.Web;

public static class WebRegistration
{
    /// <summary>
    /// Adds one endpoint to the shared <see cref="WebhookListener"/>, and the listener itself (options
    /// <c>ReleaseBot:Web</c>, validated at start) with the first endpoint. <paramref name="formerListenUrlKey"/> names
    /// the endpoint's own listen setting from before the listener was shared; it is read when <c>ReleaseBot:Web:ListenUrl</c> is empty.
    /// </summary>
    public static IHostApplicationBuilder AddWebhookEndpoint(
        this IHostApplicationBuilder builder,
        Func<IServiceProvider, IWebhookEndpoint> endpoint,
        string? formerListenUrlKey = null)
    {
        var services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(WebhookListener)))
        {
            services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateOnStart();
            services.AddSingleton<IValidateOptions<WebOptions>, WebOptionsValidator>();
            services.AddSingleton<WebhookListener>();
            services.AddHostedService(sp => sp.GetRequiredService<WebhookListener>());
        }

        if (formerListenUrlKey is not null)
        {
            services.AddOptions<WebOptions>().PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (configuration[formerListenUrlKey] is { Length: > 0 } url)
                {
                    o.FormerListenUrls[formerListenUrlKey] = url;
                }
            });
        }

        services.AddSingleton(endpoint);
        return builder;
    }
}
