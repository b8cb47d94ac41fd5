using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;
using ReleaseBot.Testing.Store;
using ReleaseBot.Tests.Dispatch;
using ReleaseBot.Web.Health;

namespace ReleaseBot.Tests.Health;

/// <summary>The health listener on 127.0.0.1 with a real store: what an orchestrator's probes and a Prometheus scrape see.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly TestStore _store = TestStore.Create();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 31, 1, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private IHost _host = null!;

    private HealthState Health => _host.Services.GetRequiredService<HealthState>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReleaseBot:Health:ListenUrl"] = "http://127.0.0.1:0",
            ["ReleaseBot:Health:MaxPollAge"] = "00:30:00",
        });
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(_store.State);
        builder.AddReleaseBotHealth();
        _host = builder.Build();
        await _host.StartAsync();
        _http.BaseAddress = await _host.Services.GetRequiredService<HealthListener>().ListeningAsync;
    }

    [Fact]
    public async Task Healthz_Running_Ok()
    {
        var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_PlatformStartingThenConnected_503Then200()
    {
        Health.Starting(HealthComponent.Telegram);
        var starting = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Health.Failed(HealthComponent.Telegram, "getUpdates: HTTP 502");
        var failing = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Health.Succeeded(HealthComponent.Telegram);
        var connected = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.True(starting.StatusCode == HttpStatusCode.ServiceUnavailable, $"{starting.StatusCode}: {await starting.Content.ReadAsStringAsync()}");
        Assert.Contains("telegram: not connected", await starting.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("telegram: not connected (getUpdates: HTTP 502)", await failing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, connected.StatusCode);
        Assert.Equal("ready\n", await connected.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_LastPollTooOld_503NamingTheAge()
    {
        Health.Starting(HealthComponent.HubPoll);
        var beforeFirstPoll = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
        Health.Succeeded(HealthComponent.HubPoll);
        var fresh = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
        _time.Advance(TimeSpan.FromMinutes(31));
        var stale = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, beforeFirstPoll.StatusCode);
        Assert.Contains("hub poll: no successful poll yet", await beforeFirstPoll.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Contains("hub poll: last success 31 min ago", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_StoreClosed_503AndTheListenerKeepsAnswering()
    {
        _store.Dispose();

        var ready = await _http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var live = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("store:", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterASend_CountersAndLatencyInPrometheusText()
    {
        using var h = new DispatchHarness();
        await h.AddSubscriptionAsync(TestData.Subscription("a"));
        await h.PublishReleaseAsync("Qwen/Qwen3-Coder-480B-A35B-Instruct");
        await h.NewEngine().RunOnceAsync(CancellationToken.None);

        var response = await _http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE releasebot_deliveries_sent_total counter", text, StringComparison.Ordinal);
        var sent = text.Split('\n').Single(l => l.StartsWith("releasebot_deliveries_sent_total{platform=\"telegram\"} ", StringComparison.Ordinal));
        Assert.True(double.Parse(sent.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) >= 1, sent);
        Assert.Contains("# TYPE releasebot_send_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("releasebot_send_duration_seconds_bucket{outcome=\"Sent\",platform=\"telegram\",le=\"+Inf\"}", text, StringComparison.Ordinal);
        Assert.Contains("releasebot_rate_limited_total", text, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _http.Dispose();
        _store.Dispose();
    }
}
