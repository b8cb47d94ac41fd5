using ReleaseBot.Discord.Rest;
using ReleaseBot.Tests.Discord;

namespace ReleaseBot.Tests.Security;

public sealed class DiscordSecretLeakTests
{
    [Fact]
    public async Task SendAsync_RejectedTokenAndFailedInteractionRoutes_LogNeitherTokenNorInteractionToken()
    {
        const string Token = "MTAzMDExODcyNzQxODY0NjYyOQ.GhRzXb.secret-part-that-must-not-leak";
        const string InteractionToken = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OmludGVyYWN0aW9uLXRva2Vu";
        await using var rig = await DiscordClientRig.StartAsync(client: o => o.Token = Token);

        var unauthorized = await rig.Rest.SendAsync(DiscordRoute.GetCurrentUser(), null, CancellationToken.None);
        var callback = await rig.Rest.SendAsync(DiscordRoute.InteractionCallback(123456789, InteractionToken), new { Type = 4 }, CancellationToken.None);
        var followUp = await rig.Rest.SendAsync(DiscordRoute.FollowUp(rig.Server.ApplicationId, InteractionToken), new { Content = "x" }, CancellationToken.None);

        Assert.False(unauthorized.IsSuccess);
        Assert.False(callback.IsSuccess);
        Assert.False(followUp.IsSuccess);
        SecretAssert.NotLogged(rig.Logs, Token, InteractionToken);
    }
}
