using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReleaseBot.Discord.Gateway;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Discord;

/// <summary>Registers the wire client: REST (typed HttpClient, limiter, guard), gateway and signature verifier.</summary>
public static class DiscordClientRegistration
{
    /// <summary>
    /// Expects <see cref="DiscordOptions"/> bound and, for <see cref="DiscordGatewayClient"/>, an
    /// <see cref="IGatewayDispatchHandler"/> registered by the adapter.
    /// </summary>
    public static IServiceCollection AddDiscordClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordInvalidRequestGuard>();
        services.TryAddSingleton<DiscordSignatureVerifier>();
        services.TryAddSingleton<DiscordGatewayClient>();

        // The timeout is the client's own (DiscordOptions.RequestTimeout, on the TimeProvider). The factory's loggers are
        // removed because interaction and webhook URLs carry the interaction token. A pooled-connection lifetime lets the
        // singleton gateway client keep its typed client without missing DNS changes.
        services.AddHttpClient<DiscordRestClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        return services;
    }
}
