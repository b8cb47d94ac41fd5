using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Core.Ports;
using ReleaseBot.LiteDb;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

public sealed class StoreRegistrationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private IHost BuildHost(string? dataPath)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _dir.Path });
        if (dataPath is not null)
        {
            builder.Configuration.AddInMemoryCollection([new("ReleaseBot:DataPath", dataPath)]);
        }
        builder.AddLiteDbStore();
        return builder.Build();
    }

    [Fact]
    public async Task AddLiteDbStore_RelativePath_FileUnderContentRootSharedByAllPorts()
    {
        using (var host = BuildHost("state/bot.db"))
        {
            await host.Services.GetRequiredService<IStateStore>().SetStateAsync("k", "v", CancellationToken.None);
            Assert.NotNull(host.Services.GetRequiredService<IVendorStore>());
            Assert.NotNull(host.Services.GetRequiredService<IReleaseStore>());
            Assert.NotNull(host.Services.GetRequiredService<IRankStore>());
            Assert.NotNull(host.Services.GetRequiredService<ISubscriptionStore>());
            Assert.NotNull(host.Services.GetRequiredService<IOutbox>());
            Assert.NotNull(host.Services.GetRequiredService<IDigestLog>());
            Assert.NotNull(host.Services.GetRequiredService<IWatchStore>());
            Assert.Same(host.Services.GetRequiredService<IOutbox>(), host.Services.GetRequiredService<IOutbox>());
        }

        // The host closed the file: it opens again in this process and holds the write.
        using var store = LiteDbStore.Open(_dir.File("state/bot.db"));
        Assert.Equal("v", await store.State.GetStateAsync("k", CancellationToken.None));
    }

    [Fact]
    public async Task AddLiteDbStore_NoSetting_DefaultDataPath()
    {
        using (var host = BuildHost(null))
        {
            await host.Services.GetRequiredService<IStateStore>().SetStateAsync("k", "v", CancellationToken.None);
        }

        Assert.True(File.Exists(_dir.File("data/releasebot.db")));
    }
}
