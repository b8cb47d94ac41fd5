using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Composition;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Seed;
using ReleaseBot.Testing.Store;
using ReleaseBot.LiteDb;

namespace ReleaseBot.Tests.Seed;

/// <summary>The host imports the seed while starting, from configured paths.</summary>
public sealed class SeedImportServiceTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private IHost BuildHost(string vendorsPath, string releasesPath)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseBot:DataPath"] = _folder.File("bot.db"),
            ["ReleaseBot:Seed:VendorsPath"] = vendorsPath,
            ["ReleaseBot:Seed:ReleasesPath"] = releasesPath,
        });
        builder.AddLiteDbStore();
        builder.AddReleaseBotSeed();
        return builder.Build();
    }

    [Fact]
    public async Task StartAsync_BundledFiles_StoreHoldsSeedBeforeStartReturns()
    {
        using var host = BuildHost(BundledSeed.VendorsPath, BundledSeed.ReleasesPath);

        await host.StartAsync();

        var releases = host.Services.GetRequiredService<IReleaseStore>();
        var state = host.Services.GetRequiredService<IStateStore>();
        Assert.Equal(SharedSeedFacts.Repos.Length, await releases.CountReleasesAsync(CancellationToken.None));
        Assert.NotNull(await state.GetStateAsync(SeedImporter.HashStateKey, CancellationToken.None));
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_DefaultRelativePaths_FindTheFilesCopiedBesideTheApp()
    {
        using var host = BuildHost(Path.Combine("config", "vendors.json"), Path.Combine("config", "releases.seed.json"));

        await host.StartAsync();

        Assert.True(await host.Services.GetRequiredService<IReleaseStore>().CountReleasesAsync(CancellationToken.None) > 0);
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_MissingFiles_StartsWithoutSeed()
    {
        using var host = BuildHost(_folder.File("none.json"), _folder.File("none2.json"));

        await host.StartAsync();

        Assert.Equal(0, await host.Services.GetRequiredService<IReleaseStore>().CountReleasesAsync(CancellationToken.None));
        await host.StopAsync();
    }

    [Fact]
    public async Task StartAsync_MalformedFile_StopsTheStartNamingTheFile()
    {
        var broken = _folder.File("releases.seed.json");
        await File.WriteAllTextAsync(broken, "{ \"releases\": [ { \"repoId\": \"zai-org/GLM-4.5\" } ] }");
        using var host = BuildHost(BundledSeed.VendorsPath, broken);

        var e = await Assert.ThrowsAsync<SeedFormatException>(() => host.StartAsync());

        Assert.Contains(broken, e.Message, StringComparison.Ordinal);
        Assert.Contains("releases[0].publishedAt: missing", e.Errors);
    }
}
