namespace ReleaseBot.Discord.Gateway;

/// <summary>What READY says about this session and bot (https://docs.discord.com/developers/events/gateway-events#ready).</summary>
/// <param name="SessionId">Session to resume; as secret as the token is not, but it is only of use with the token.</param>
/// <param name="ResumeGatewayUrl">Where to reconnect for Resume.</param>
/// <param name="ApplicationId">For <c>/applications/{id}/commands</c> and interaction follow-ups.</param>
/// <param name="BotUserId">The bot's own user id.</param>
public sealed record GatewayReadyInfo(string SessionId, string ResumeGatewayUrl, ulong ApplicationId, ulong BotUserId);
