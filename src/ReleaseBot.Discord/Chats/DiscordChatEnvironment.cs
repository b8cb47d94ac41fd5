using System.Globalization;
using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Discord.Rendering;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Discord.Chats;

/// <summary>
/// What a command may ask of Discord, for one interaction. Admin rights come from the member's permissions that Discord
/// resolved for the channel in this interaction; <c>default_member_permissions</c> only hides commands in the client and a
/// server can change it, so it is never taken as proof.
/// </summary>
public sealed partial class DiscordChatEnvironment(DiscordInvocation invocation, DiscordRestClient rest, ILogger logger) : IChatEnvironment
{
    public Task<bool> IsSenderAdminAsync(CancellationToken cancellationToken) => Task.FromResult(invocation.SenderCanManage);

    /// <summary>Discord picks a channel with a typed channel option instead of <c>@channel</c> text.</summary>
    public Task<ChannelCheck> CheckChannelAsync(string channelReference, CancellationToken cancellationToken) =>
        Task.FromResult(ChannelCheck.NotSupported);

    /// <summary>Posts <paramref name="reply"/> into channel <paramref name="chatId"/>; false when the bot cannot post there.</summary>
    public async Task<bool> PostToChannelAsync(string chatId, Reply reply, CancellationToken cancellationToken)
    {
        if (!ulong.TryParse(chatId, NumberStyles.None, CultureInfo.InvariantCulture, out var channelId))
        {
            return false;
        }

        foreach (var part in DiscordRenderer.Render(reply))
        {
            var response = await rest.SendAsync(DiscordRoute.CreateMessage(channelId), part, cancellationToken);
            if (!response.IsSuccess)
            {
                Log.PostFailed(logger, channelId, response.ToString());
                return false;
            }
        }

        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(5700, LogLevel.Warning, "Discord: posting into channel {ChannelId} failed ({Response})")]
        public static partial void PostFailed(ILogger logger, ulong channelId, string response);
    }
}
