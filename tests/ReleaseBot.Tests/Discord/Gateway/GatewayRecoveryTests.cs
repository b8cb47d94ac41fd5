using ReleaseBot.Discord;
using ReleaseBot.Discord.Gateway;

namespace ReleaseBot.Tests.Discord.Gateway;

public sealed class GatewayRecoveryTests
{
    private static readonly DiscordOptions Options = new();

    [Theory]
    [InlineData(4004)]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    [InlineData(4014)]
    public void NextStep_FatalCloseCode_Stops(int code) =>
        Assert.Equal(GatewayNextStep.Fatal, GatewayRecovery.NextStep(new GatewayEnd(GatewayEndReason.Closed, code)));

    [Theory]
    [InlineData(4003)]
    [InlineData(4007)]
    [InlineData(4009)]
    public void NextStep_SessionLostCloseCode_IdentifiesAgain(int code) =>
        Assert.Equal(GatewayNextStep.Identify, GatewayRecovery.NextStep(new GatewayEnd(GatewayEndReason.Closed, code)));

    [Theory]
    [InlineData(1000)]
    [InlineData(1001)]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(null)]
    public void NextStep_RecoverableCloseCode_Resumes(int? code) =>
        Assert.Equal(GatewayNextStep.Resume, GatewayRecovery.NextStep(new GatewayEnd(GatewayEndReason.Closed, code)));

    [Theory]
    [InlineData(GatewayEndReason.Dropped)]
    [InlineData(GatewayEndReason.Zombie)]
    [InlineData(GatewayEndReason.ReconnectRequested)]
    public void NextStep_DropZombieOrOp7_Resumes(GatewayEndReason reason) =>
        Assert.Equal(GatewayNextStep.Resume, GatewayRecovery.NextStep(new GatewayEnd(reason)));

    [Theory]
    [InlineData(true, GatewayNextStep.Resume)]
    [InlineData(false, GatewayNextStep.Identify)]
    public void NextStep_InvalidSession_FollowsItsFlag(bool resumable, GatewayNextStep expected) =>
        Assert.Equal(expected, GatewayRecovery.NextStep(new GatewayEnd(GatewayEndReason.InvalidSession, Resumable: resumable)));

    [Fact]
    public void Delay_AfterAWorkingConnection_ResumesAtOnce()
    {
        var end = new GatewayEnd(GatewayEndReason.Zombie, Established: true);

        Assert.Equal(TimeSpan.Zero, GatewayRecovery.Delay(end, GatewayNextStep.Resume, failures: 0, identifyFailures: 0, Options, new Random(1)));
    }

    [Fact]
    public void Delay_InvalidSessionNotResumable_WaitsOneToFiveSeconds()
    {
        var end = new GatewayEnd(GatewayEndReason.InvalidSession, Established: true);
        var random = new Random(7);

        var delays = Enumerable.Range(0, 200).Select(_ => GatewayRecovery.Delay(end, GatewayNextStep.Identify, 0, 0, Options, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Delay_RepeatedIdentifyFailures_BackOffFromFiveSecondsToTheCap()
    {
        var end = new GatewayEnd(GatewayEndReason.Closed, 4009);
        var random = new Random(3);

        var first = GatewayRecovery.Delay(end, GatewayNextStep.Identify, failures: 1, identifyFailures: 1, Options, random);
        var tenth = GatewayRecovery.Delay(end, GatewayNextStep.Identify, failures: 10, identifyFailures: 10, Options, random);
        var hundredth = GatewayRecovery.Delay(end, GatewayNextStep.Identify, failures: 100, identifyFailures: 100, Options, random);

        Assert.InRange(first, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5));
        Assert.InRange(tenth, TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5));
        Assert.InRange(hundredth, TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void FirstHeartbeat_IsJitteredWithinTheInterval()
    {
        var interval = TimeSpan.FromSeconds(45);
        var random = new Random(11);

        var beats = Enumerable.Range(0, 200).Select(_ => GatewayRecovery.FirstHeartbeat(interval, random)).ToList();

        Assert.All(beats, b => Assert.InRange(b, TimeSpan.Zero, interval));
        Assert.True(beats.Distinct().Count() > 100);
    }

    [Theory]
    [InlineData(4004, "ReleaseBot:Discord:Token")]
    [InlineData(4014, "Developer Portal")]
    public void Describe_FatalCode_NamesWhatToFix(int code, string hint) =>
        Assert.Contains(hint, GatewayCloseCodes.Describe(code), StringComparison.Ordinal);
}
