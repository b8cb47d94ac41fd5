using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Discord.Sending;

public static class DiscordSendingRegistration
{
    /// <summary>
    /// The <see cref="DiscordSender"/> as the Discord <see cref="IMessageSender"/> the dispatcher uses. Expects
    /// <see cref="DiscordOptions"/> bound and the wire client registered (<see cref="DiscordClientRegistration.AddDiscordClient"/>).
    /// </summary>
    public static IServiceCollection AddDiscordSending(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DiscordSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<DiscordSender>());
        return services;
    }
}
