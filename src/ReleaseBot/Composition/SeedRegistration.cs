using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Seed;
using ReleaseBot.Seed;

namespace ReleaseBot.Composition;

public static class SeedRegistration
{
    /// <summary>
    /// Bundled data: options <c>ReleaseBot:Seed</c>, the <see cref="SeedImporter"/> and the start-up import.
    /// Needs the store's IVendorStore, IReleaseStore, IRankStore and IStateStore.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBotSeed(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SeedOptions>, SeedOptionsValidator>();
        builder.Services.TryAddSingleton<SeedImporter>();
        builder.Services.AddHostedService<SeedImportService>();
        return builder;
    }
}
