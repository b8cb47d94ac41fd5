using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Ports;

/// <summary>
/// Sends a rendered reply to one chat of one platform. Each sender owns its platform's rate limits: the dispatcher
/// only asks it to send and records the outcome.
/// </summary>
public interface IMessageSender
{
    Platform Platform { get; }

    /// <summary>
    /// Sends one reply to one chat (split into several messages where the platform requires), within the platform's
    /// limits, which the sender owns. deliveryId is the outbox row's id: stable across retries and restarts, so a
    /// platform that can recognise a repeated send (Discord's nonce) uses it. Never throws for platform errors.
    /// </summary>
    /// <remarks>
    /// The dispatcher bounds the calls in flight, so a sender should wait inside this call only for what every chat
    /// waits for (the platform's global pacing, the parts after the first of one reply). When the chat's own limits
    /// mean it has to wait, answer <see cref="SendOutcome.WaitUntil"/> at once: the dispatcher waits for that chat
    /// outside the bound while other chats go on.
    /// </remarks>
    Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, string deliveryId, CancellationToken cancellationToken);
}
