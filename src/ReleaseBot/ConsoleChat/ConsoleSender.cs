using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.ConsoleChat;

/// <summary>Delivers announcements and digests for the console chat by printing them.</summary>
public sealed class ConsoleSender(ConsoleIo io, TimeProvider timeProvider) : IMessageSender
{
    private long _sent;

    public Platform Platform => Platform.Console;

    /// <summary>A terminal has no rate limit, and a repeat after a restart is harmless: the delivery id goes unused.</summary>
    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, string deliveryId, CancellationToken cancellationToken)
    {
        await io.WriteBlockAsync(ConsoleRenderer.Render(reply), cancellationToken);
        var id = Interlocked.Increment(ref _sent);
        return new SendOutcome.Sent([$"console-{timeProvider.GetUtcNow().ToUnixTimeMilliseconds()}-{id}"]);
    }
}
