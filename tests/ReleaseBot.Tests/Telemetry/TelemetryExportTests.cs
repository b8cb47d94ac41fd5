using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Testing.FakeOtlp;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Tests.Commands;

namespace ReleaseBot.Tests.Telemetry;

/// <summary>The bot in-process pushing its meter to a fake OTLP collector on 127.0.0.1, as an operator's collector would see it.</summary>
public sealed class TelemetryExportTests
{
    [Fact]
    public async Task Export_EndpointSet_PostsCommandLatencyAsProtobufToV1Metrics()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        await using var bot = await BotFixture.StartAsync(new BotFixtureOptions()
            .With("ReleaseBot:Telemetry:OtlpEndpoint", collector.BaseUrl.ToString())
            .With("ReleaseBot:Telemetry:ExportInterval", "00:00:00.200"));

        await bot.Router.HandleAsync(Command("/help"), CancellationToken.None);

        await Wait.UntilAsync(() => collector.Posts.Any(p => p.Mentions("releasebot.command.duration")), "an export naming releasebot.command.duration");
        var post = collector.Posts.First(p => p.Mentions("releasebot.command.duration"));
        Assert.Equal("application/x-protobuf", post.ContentType);
        Assert.True(post.Mentions("ReleaseBot"), "the export names the meter as its scope");
        Assert.True(post.Mentions("releasebot"), "the export names the service");
    }

    [Fact]
    public async Task Export_CollectorUnreachable_BotStillAnswersAndStops()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var bot = await BotFixture.StartAsync(new BotFixtureOptions()
            .With("ReleaseBot:Telemetry:OtlpEndpoint", $"http://127.0.0.1:{port}")
            .With("ReleaseBot:Telemetry:ExportInterval", "00:00:00.100"));
        var provider = bot.Get<MeterProvider>();

        var reply = await bot.Router.HandleAsync(Command("/help"), CancellationToken.None);
        var flushed = provider.ForceFlush(5_000);
        await bot.StopAsync();

        Assert.NotEqual(ReplyKind.Error, reply.Kind);
        Assert.False(flushed, "an export to a closed port reports failure");
    }

    [Fact]
    public async Task Export_NoEndpoint_NoMeterProviderRegistered()
    {
        using var bot = BotFixture.BuildWithoutStarting();

        Assert.Null(bot.Services.GetService<MeterProvider>());
        Assert.False(bot.Get<IOptions<ReleaseBot.Telemetry.TelemetryOptions>>().Value.Enabled);
    }

    [Theory]
    [InlineData("collector:4318")]
    [InlineData("ftp://127.0.0.1:4318")]
    public async Task Start_EndpointNotHttp_StopsNamingTheSetting(string endpoint)
    {
        using var bot = BotFixture.BuildWithoutStarting(new BotFixtureOptions().With("ReleaseBot:Telemetry:OtlpEndpoint", endpoint));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => bot.StartAsync());

        Assert.Contains("ReleaseBot:Telemetry:OtlpEndpoint must be an absolute http(s) URL", error.Message, StringComparison.Ordinal);
    }

    private static CommandRequest Command(string text) => new()
    {
        Chat = new ChatAddress(Platform.Telegram, "-1001"),
        IsPrivate = true,
        Text = text,
        Environment = new FakeChatEnvironment(),
    };
}
