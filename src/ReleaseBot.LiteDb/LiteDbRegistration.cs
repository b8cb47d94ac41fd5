using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseBot.LiteDb;

public static class LiteDbRegistration
{
    /// <summary>
    /// The LiteDB store: one file at <c>ReleaseBot:DataPath</c> (relative to the content root), opened (and migrated)
    /// on first use, shared by every store port, closed when the host's service provider is disposed.
    /// </summary>
    public static IHostApplicationBuilder AddLiteDbStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>();

        builder.Services.AddSingleton(sp =>
        {
            var path = sp.GetRequiredService<IOptions<StoreOptions>>().Value.DataPath;
            // A relative path is taken from the content root, not from wherever the process started.
            var full = Path.IsPathRooted(path) ? path : Path.Combine(builder.Environment.ContentRootPath, path);
            return LiteDbStore.Open(full, sp.GetRequiredService<ILogger<LiteDbStore>>());
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Vendors);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Releases);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Ranks);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Subscriptions);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Outbox);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().DigestLog);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Watches);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().State);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Inbox);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<LiteDbStore>().Maintenance);
        return builder;
    }
}
