namespace ReleaseBot.Discord.Rest;

/// <summary>How a route is authorised, which decides its header and whether the global limit applies.</summary>
public enum DiscordRouteKind
{
    /// <summary><c>Authorization: Bot …</c>; counts against the global limit.</summary>
    Bot,

    /// <summary>Interaction callback, authorised by the interaction token in the path.</summary>
    Interaction,

    /// <summary>Webhook route with the token in the path (interaction follow-ups and edits).</summary>
    Webhook,
}
