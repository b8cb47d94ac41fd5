using System.Globalization;

namespace ReleaseBot.Discord.Rest;

/// <summary>
/// One REST call: method, path template (for rate-limit keys and logs), the filled-in path, and the route's major
/// parameter (the channel, guild or webhook id Discord keys its limits by: https://docs.discord.com/developers/topics/rate-limits).
/// </summary>
/// <remarks>
/// <see cref="Path"/> of an interaction or webhook route holds the interaction token, a secret: log <see cref="Template"/>.
/// </remarks>
public sealed record DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter, DiscordRouteKind kind)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
        Kind = kind;
    }

    public HttpMethod Method { get; }

    /// <summary>The path with placeholders, e.g. <c>/channels/{channel_id}/messages</c>; safe to log.</summary>
    public string Template { get; }

    /// <summary>The path relative to the API base URL, with a query string when the route has one.</summary>
    public string Path { get; }

    /// <summary>The top-level id the limit is kept per (empty for routes without one).</summary>
    public string MajorParameter { get; }

    public DiscordRouteKind Kind { get; }

    /// <summary>Carries <c>Authorization: Bot …</c>; interaction and webhook-token routes are authorised by their token.</summary>
    public bool IsBotAuthenticated => Kind == DiscordRouteKind.Bot;

    /// <summary>Counts against the 50 per second global limit, which interaction endpoints are not bound to.</summary>
    public bool IsGloballyLimited => Kind == DiscordRouteKind.Bot;

    public static DiscordRoute CreateMessage(ulong channelId) =>
        Bot(HttpMethod.Post, "/channels/{channel_id}/messages", $"/channels/{Id(channelId)}/messages", Id(channelId));

    public static DiscordRoute GetChannel(ulong channelId) =>
        Bot(HttpMethod.Get, "/channels/{channel_id}", $"/channels/{Id(channelId)}", Id(channelId));

    public static DiscordRoute BulkOverwriteGlobalCommands(ulong applicationId) =>
        Bot(HttpMethod.Put, "/applications/{application_id}/commands", $"/applications/{Id(applicationId)}/commands", string.Empty);

    /// <summary>Limited per guild: the guild is the route's top-level resource.</summary>
    public static DiscordRoute BulkOverwriteGuildCommands(ulong applicationId, ulong guildId) =>
        Bot(HttpMethod.Put, "/applications/{application_id}/guilds/{guild_id}/commands",
            $"/applications/{Id(applicationId)}/guilds/{Id(guildId)}/commands", Id(guildId));

    public static DiscordRoute GetGatewayBot() => Bot(HttpMethod.Get, "/gateway/bot", "/gateway/bot", string.Empty);

    public static DiscordRoute GetCurrentUser() => Bot(HttpMethod.Get, "/users/@me", "/users/@me", string.Empty);

    /// <summary><c>POST /interactions/{id}/{token}/callback</c>: answers an interaction (within 3 s of receiving it).</summary>
    public static DiscordRoute InteractionCallback(ulong interactionId, string interactionToken) =>
        new(HttpMethod.Post, "/interactions/{interaction_id}/{interaction_token}/callback",
            $"/interactions/{Id(interactionId)}/{Escape(interactionToken)}/callback", Id(interactionId), DiscordRouteKind.Interaction);

    /// <summary><c>PATCH /webhooks/{application_id}/{token}/messages/@original</c>: edits the first answer (after a defer).</summary>
    public static DiscordRoute EditOriginal(ulong applicationId, string interactionToken) =>
        Webhook(HttpMethod.Patch, "/webhooks/{application_id}/{interaction_token}/messages/@original",
            $"/webhooks/{Id(applicationId)}/{Escape(interactionToken)}/messages/@original", applicationId, interactionToken);

    /// <summary><c>POST /webhooks/{application_id}/{token}?wait=true</c>: a follow-up message, returned in the answer.</summary>
    public static DiscordRoute FollowUp(ulong applicationId, string interactionToken) =>
        Webhook(HttpMethod.Post, "/webhooks/{application_id}/{interaction_token}",
            $"/webhooks/{Id(applicationId)}/{Escape(interactionToken)}?wait=true", applicationId, interactionToken);

    /// <summary>Any other bot-authenticated route; <paramref name="majorParameter"/> is its channel/guild id or empty.</summary>
    public static DiscordRoute Bot(HttpMethod method, string template, string path, string majorParameter) =>
        new(method, template, path, majorParameter, DiscordRouteKind.Bot);

    public override string ToString() => $"{Method} {Template}";

    // Webhook limits are per webhook id + token; the token is kept only as a hash so that no limiter key holds it.
    private static DiscordRoute Webhook(HttpMethod method, string template, string path, ulong webhookId, string token) =>
        new(method, template, path, $"{Id(webhookId)}:{StringComparer.Ordinal.GetHashCode(token):x8}", DiscordRouteKind.Webhook);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
