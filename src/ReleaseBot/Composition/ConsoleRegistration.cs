using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Composition;

public static class ConsoleRegistration
{
    /// <summary>
    /// The console chat, when <c>ReleaseBot:Console:Mode</c> is <c>On</c>, or <c>Auto</c> (the default)
    /// and neither a Telegram nor a Discord token is configured.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section);
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(_ => ConsoleIo.Standard());
        builder.Services.AddSingleton<ConsoleSender>();
        builder.Services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<ConsoleSender>());
        builder.Services.AddHostedService<ConsoleChatService>();
        return builder;
    }

    public static bool IsEnabled(IConfiguration configuration)
    {
        var mode = configuration.GetSection(ConsoleOptions.Section).GetValue(nameof(ConsoleOptions.Mode), ConsoleMode.Auto);
        return mode switch
        {
            ConsoleMode.On => true,
            ConsoleMode.Off => false,
            _ => string.IsNullOrWhiteSpace(configuration["ReleaseBot:Telegram:Token"])
                && string.IsNullOrWhiteSpace(configuration["ReleaseBot:Discord:Token"]),
        };
    }
}
