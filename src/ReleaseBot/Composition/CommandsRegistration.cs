using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Commands.Handlers;
using ReleaseBot.Core.Health;
using ReleaseBot.HuggingFace;
using ReleaseBot.Core.Messages;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Composition;

public static class CommandsRegistration
{
    /// <summary>
    /// The command router with one handler per command, and the event/digest composers.
    /// Needs the store ports (IVendorStore, IReleaseStore, IRankStore, ISubscriptionStore, IWatchStore, IStateStore).
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotCommands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChatSettings>();
        services.TryAddSingleton<HealthState>();
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section);
        services.AddSingleton<RankView>();
        services.AddRankAlertRules();
        services.AddSingleton<DigestComposer>();
        services.AddSingleton<IEventComposer, EventComposer>();

        services.AddSingleton<ICommandHandler, LatestCommand>();
        services.AddSingleton<ICommandHandler, RankCommand>();
        services.AddSingleton<ICommandHandler, VendorsCommand>();
        services.AddSingleton<ICommandHandler, VendorCommand>();
        services.AddSingleton<ICommandHandler, ModelCommand>();
        services.AddSingleton<ICommandHandler, SubscribeCommand>();
        services.AddSingleton<ICommandHandler, UnsubscribeCommand>();
        services.AddSingleton<ICommandHandler, SettingsCommand>();
        services.AddSingleton<ICommandHandler, DigestCommand>();
        services.AddSingleton<ICommandHandler, WatchCommand>();
        services.AddSingleton<ICommandHandler, WhyCommand>();
        services.AddSingleton<ICommandHandler, LangCommand>();
        services.AddSingleton<ICommandHandler, StatusCommand>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        services.AddSingleton<ICommandRouter, CommandRouter>();
        return builder;
    }
}
