using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Web;

namespace ReleaseBot.Tests.Web;

public sealed class WebhookListenerTests
{
    private const string FormerHubKey = "ReleaseBot:HuggingFace:Webhook:ListenUrl";
    private const string FormerTelegramKey = "ReleaseBot:Telegram:WebhookListenUrl";

    [Fact]
    public async Task AddWebhookEndpoint_TwoEndpoints_OneListenerAnswersBothPaths()
    {
        using var host = Build(new() { ["ReleaseBot:Web:ListenUrl"] = "http://127.0.0.1:0" },
            b => b.AddWebhookEndpoint(_ => new NamedEndpoint("/hub", "hub"), FormerHubKey)
                .AddWebhookEndpoint(_ => new NamedEndpoint("/telegram", "telegram"), FormerTelegramKey));
        await host.StartAsync();
        var listening = await host.Services.GetRequiredService<WebhookListener>().ListeningAsync;
        using var http = new HttpClient { BaseAddress = listening };

        using var hub = await http.PostAsync(new Uri("/hub", UriKind.Relative), null);
        using var telegram = await http.PostAsync(new Uri("/telegram", UriKind.Relative), null);
        using var other = await http.PostAsync(new Uri("/discord", UriKind.Relative), null);
        await host.StopAsync();

        Assert.Equal("hub", await hub.Content.ReadAsStringAsync());
        Assert.Equal("telegram", await telegram.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Single(host.Services.GetServices<IHostedService>().OfType<WebhookListener>());
    }

    [Fact]
    public async Task Start_FormerListenUrlsDiffer_StopsNamingTheSharedSetting()
    {
        using var host = Build(new() { [FormerHubKey] = "http://127.0.0.1:0", [FormerTelegramKey] = "http://0.0.0.0:8443" },
            b => b.AddWebhookEndpoint(_ => new NamedEndpoint("/hub", "hub"), FormerHubKey)
                .AddWebhookEndpoint(_ => new NamedEndpoint("/telegram", "telegram"), FormerTelegramKey));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("ReleaseBot:Web:ListenUrl must be set", error.Message, StringComparison.Ordinal);
        Assert.Contains(FormerTelegramKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TwoEndpointsOnOnePath_StopsNamingThePath()
    {
        using var host = Build(new() { ["ReleaseBot:Web:ListenUrl"] = "http://127.0.0.1:0" },
            b => b.AddWebhookEndpoint(_ => new NamedEndpoint("/hook", "a")).AddWebhookEndpoint(_ => new NamedEndpoint("/hook", "b")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("/hook", error.Message, StringComparison.Ordinal);
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<IHostApplicationBuilder> configure)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        configure(builder);
        return builder.Build();
    }

    private sealed class NamedEndpoint(string path, string name) : IWebhookEndpoint
    {
        public string Path => path;

        public Task<IResult> HandleAsync(HttpContext context) => Task.FromResult(Results.Text(name));
    }
}
