using System.Text;
using Microsoft.Extensions.Logging;
using ReleaseBot.Testing.FakeDiscord;

namespace ReleaseBot.Tests.Discord.Gateway;

/// <summary>
/// Issue 10: frames from the gateway that are not payloads, dispatches of the wrong shape and a frame past the size bound
/// are passed over or cut off with a logged reason; the bot stays up and answers the next command.
/// </summary>
public sealed class GatewayHostileFramesTests : IAsyncLifetime
{
    private DiscordBotRig _rig = null!;

    private FakeDiscordServer Fake => _rig.Fake;

    public async Task InitializeAsync()
    {
        _rig = await DiscordBotRig.CreateAsync();
        await _rig.StartAsync();
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    public static TheoryData<string, int> Hostile => new()
    {
        { "not json", 5207 },
        { "[1,2,3]", 5207 },
        { """{"op":"zero","d":null}""", 5207 },
        { new string('[', 5_000) + new string(']', 5_000), 5207 },
        // Dispatches of the right op whose data is of the wrong shape: passed over with the reader's reason.
        { """{"op":0,"s":900,"t":"INTERACTION_CREATE","d":{"id":"x","type":"two","data":[],"channel_id":{"a":1}}}""", 5727 },
        { """{"op":0,"s":901,"t":"INTERACTION_CREATE","d":{"id":"12","type":2,"data":{"name":"help"}}}""", 5727 },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Frame_HostileButSmall_PassedOverLoggedAndTheNextCommandAnswered(string frame, int eventId)
    {
        var connections = Fake.Gateway.ConnectionCount;

        await Fake.Gateway.SendRawAsync(Encoding.UTF8.GetBytes(frame));
        var (_, text) = await _rig.CommandAsync("help");

        Assert.Contains("/latest", text, StringComparison.Ordinal);
        Assert.Contains(_rig.Logs.GetSnapshot(), r => r.Id.Id == eventId && r.Level >= LogLevel.Warning);
        Assert.Equal(connections, Fake.Gateway.ConnectionCount);
    }

    [Fact]
    public async Task Frame_PastTheSizeBound_ConnectionDroppedAndResumedAndTheNextCommandAnswered()
    {
        var resumes = Fake.Gateway.ResumeCount;
        var frame = new byte[17 << 20]; // past GatewayFrameReader.MaxFrameBytes (16 MB)
        Array.Fill(frame, (byte)' ');

        await Fake.Gateway.SendRawAsync(frame);
        Assert.True(await DiscordHarness.WaitUntilAsync(() => Fake.Gateway.ResumeCount > resumes && Fake.Gateway.IsLive));
        var (_, text) = await _rig.CommandAsync("help");

        Assert.Contains("/latest", text, StringComparison.Ordinal);
        Assert.Contains(_rig.Logs.GetSnapshot(), r => r.Id.Id == 5209);
    }
}
