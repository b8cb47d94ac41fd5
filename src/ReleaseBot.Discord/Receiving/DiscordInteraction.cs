namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// An interaction claimed for answering: the payload commands read, and what addresses the answer. A class rather than a
/// record so that no generated <c>ToString</c> ever prints <see cref="Token"/>, a secret for 15 minutes.
/// </summary>
public sealed class DiscordInteraction(InteractionPayload payload, ulong id, ulong applicationId, string token)
{
    public InteractionPayload Payload => payload;

    public ulong Id => id;

    /// <summary>The application's id (<c>application_id</c>), which edits and follow-ups are addressed by.</summary>
    public ulong ApplicationId => applicationId;

    /// <summary>The interaction token: authorises the callback, edits and follow-ups. Never logged.</summary>
    public string Token => token;
}
