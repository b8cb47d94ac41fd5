using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Health;
using ReleaseBot.Discord.Chats;
using ReleaseBot.Discord.Commands;
using ReleaseBot.Discord.Gateway;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Discord.Sending;
using ReleaseBot.Web;

namespace ReleaseBot.Discord;

public static class DiscordRegistration
{
    /// <summary>
    /// The Discord adapter, when <c>ReleaseBot:Discord:Token</c> is set: the wire client, the gateway session (commands
    /// registered at READY, interactions answered, server and channel lifecycle followed), the sender the dispatcher
    /// uses for announcements and digests, and, when
    /// <c>ReleaseBot:Discord:InteractionsEndpoint</c> is set, the signed HTTP interactions endpoint on the shared listener.
    /// Needs the store ports and the command router.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.Section);
        var section = builder.Configuration.GetSection(DiscordOptions.Section);
        if (string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]))
        {
            return builder;
        }

        services.AddOptions<DiscordOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddDiscordClient();
        services.AddDiscordSending();
        services.TryAddSingleton<HealthState>();
        services.AddSingleton(new ExpectedComponent(HealthComponent.Discord));

        services.AddSingleton<DiscordInteractionTranslator>();
        services.AddSingleton<DiscordAutocomplete>();
        services.AddSingleton<DiscordSeenInteractions>();
        services.AddSingleton<DiscordBackgroundWork>();
        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<DiscordCommandRegistrar>();
        services.AddSingleton<DiscordGuildLifecycle>();
        services.AddSingleton<DiscordDispatchHandler>();
        services.AddSingleton<IGatewayDispatchHandler>(sp => sp.GetRequiredService<DiscordDispatchHandler>());

        if (!string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.InteractionsEndpoint)]))
        {
            services.AddSingleton<DiscordInteractionsEndpoint>();
            builder.AddWebhookEndpoint(sp => sp.GetRequiredService<DiscordInteractionsEndpoint>());
        }

        services.AddHostedService<DiscordGatewayService>();
        return builder;
    }
}
