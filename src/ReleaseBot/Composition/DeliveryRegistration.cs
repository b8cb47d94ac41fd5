using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Dispatch;
using ReleaseBot.Core.Ports;
using ReleaseBot.Digests;
using ReleaseBot.Dispatch;
using ReleaseBot.Core.Planning;
using ReleaseBot.Core.Retention;
using ReleaseBot.Planning;
using ReleaseBot.Retention;

namespace ReleaseBot.Composition;

public static class DeliveryRegistration
{
    /// <summary>
    /// Planning (the <see cref="IEventSink"/>), one dispatch loop per registered
    /// <see cref="IMessageSender"/>, the digest scheduler, and the outbox retention. Needs the store ports and an
    /// <see cref="IEventComposer"/> registered by their areas.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotDelivery(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<DispatchOptions>().BindConfiguration(DispatchOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DigestOptions>, DigestOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DispatchOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DigestOptions>>().Value);

        services.AddSingleton<DispatchSignal>();
        services.AddSingleton<DeliveryPlanner>();
        services.AddSingleton<IEventSink>(sp => sp.GetRequiredService<DeliveryPlanner>());
        services.AddSingleton<DigestContent>();
        services.AddSingleton<DigestScheduler>();

        services.AddHostedService<DispatchService>();
        services.AddHostedService<FanOutService>();
        services.AddHostedService<DigestService>();

        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RetentionOptions>>().Value);
        services.AddSingleton<OutboxRetention>();
        services.AddSingleton<StoreBackup>();
        services.AddHostedService<RetentionService>();
        return builder;
    }
}
