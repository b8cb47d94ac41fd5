using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReleaseBot.Composition;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Rendering;
using ReleaseBot.Testing.Store;
using ReleaseBot.Tests.Commands;
using ReleaseBot.LiteDb;

namespace ReleaseBot.Tests.Composition;

public sealed class CommandsRegistrationTests
{
    [Fact]
    public async Task AddReleaseBotCommands_WithStore_RouterAnswersEveryCatalogCommand()
    {
        using var folder = new TempDirectory();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = folder.Path });
        builder.Configuration["ReleaseBot:DataPath"] = folder.File("bot.db");
        builder.AddLiteDbStore().AddReleaseBotCommands();
        await using var provider = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var router = provider.GetRequiredService<ICommandRouter>();
        Assert.NotNull(provider.GetRequiredService<IEventComposer>());
        foreach (var command in CommandCatalog.All)
        {
            var reply = await router.HandleAsync(
                new CommandRequest { Chat = new ChatAddress(Platform.Console, "console"), Text = "/" + command.Name, Environment = new FakeChatEnvironment() },
                CancellationToken.None);
            Assert.DoesNotContain("Unknown command", reply.ToConsoleText(), StringComparison.Ordinal);
            Assert.DoesNotContain("went wrong", reply.ToConsoleText(), StringComparison.Ordinal);
        }
    }
}
