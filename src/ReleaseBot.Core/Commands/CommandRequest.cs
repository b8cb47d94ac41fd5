using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Commands;

/// <summary>One command as typed in a chat, with what the router may ask of its platform.</summary>
public sealed record CommandRequest
{
    /// <summary>The chat the command came from (and the reply goes to).</summary>
    public required ChatAddress Chat { get; init; }
    public string? ChatTitle { get; init; }
    /// <summary>The group the chat belongs to (a Discord server id); kept with a subscription made here.</summary>
    public string? Group { get; init; }
    /// <summary>True for a private (one-to-one) chat.</summary>
    public bool IsPrivate { get; init; }
    /// <summary>Platform user id of the sender, when known.</summary>
    public string? SenderId { get; init; }
    /// <summary>The full text, e.g. <c>/latest qwen 5</c>; any <c>@BotName</c> suffix already removed.</summary>
    public required string Text { get; init; }
    /// <summary>
    /// The arguments exactly, when the platform typed them (Discord options): the router then takes the command name
    /// from <see cref="Text"/> and these as they are, so a value holding spaces stays one argument and cannot add others.
    /// Null for typed text, which the router splits on whitespace.
    /// </summary>
    public IReadOnlyList<string>? Args { get; init; }
    /// <summary>The sender's client language (Telegram language_code, Discord locale), a hint for new chats.</summary>
    public string? ClientLanguage { get; init; }
    /// <summary>
    /// True when the command names its chat through the platform's own picker (Discord's channel option) rather than
    /// being typed there: subscribing it posts a short first message there, as a Telegram channel subscription does.
    /// </summary>
    public bool ChatPicked { get; init; }
    public required IChatEnvironment Environment { get; init; }
}
