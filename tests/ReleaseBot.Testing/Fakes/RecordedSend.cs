using ReleaseBot.ConsoleChat;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Testing.Fakes;

/// <summary>One call to <see cref="RecordingSender.SendAsync"/>: where, what, for which outbox row, and what it answered.</summary>
public sealed record RecordedSend(ChatAddress Chat, Reply Reply, string DeliveryId, string Outcome)
{
    /// <summary>The reply as the console chat prints it.</summary>
    public string Text => ConsoleRenderer.Render(Reply);
}
