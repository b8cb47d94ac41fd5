using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Discord.Receiving;
using ReleaseBot.Discord.Rendering;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Discord.Sending;

/// <summary>
/// Discord's <see cref="IMessageSender"/>: renders a reply to Create Message bodies and posts them in order to the
/// channel (or thread) through <see cref="DiscordRestClient"/>, which owns the buckets and the global window. Every
/// answer is turned into a <see cref="SendOutcome"/> by <see cref="DiscordErrorClassifier"/>.
/// </summary>
/// <remarks>
/// <para>
/// The first part goes only when the channel's bucket lets it go now; otherwise the answer is
/// <see cref="SendOutcome.WaitUntil"/>, so the dispatcher lets the channel wait without holding a send slot. The global
/// limit (every channel's wait) and the parts after the first (which must follow it) are waited for here.
/// </para>
/// <para>
/// Each part carries the nonce of (delivery, part) with <c>enforce_nonce</c>: a send repeated after a timeout, a
/// transient error on a later part, or a crash before the outcome was recorded returns the message already posted
/// instead of a second one, as long as it comes within Discord's nonce window (a few minutes).
/// </para>
/// </remarks>
public sealed partial class DiscordSender(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordSender> logger) : IMessageSender
{
    public Platform Platform => Platform.Discord;

    public async Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, string deliveryId, CancellationToken cancellationToken)
    {
        if (!ulong.TryParse(DiscordChatAddresses.PostChannelId(chat), NumberStyles.None, CultureInfo.InvariantCulture, out var channelId))
        {
            return new SendOutcome.Permanent($"not a Discord channel id: {chat.Key}");
        }

        var parts = DiscordRenderer.RenderForDelivery(reply, deliveryId);
        if (parts.Count == 0)
        {
            return new SendOutcome.Permanent("the reply renders to no message");
        }

        var route = DiscordRoute.CreateMessage(channelId);
        var globalWait = options.Value.RateLimitMaxWait;
        var ids = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            // The first part waits only for the global limit; a later one also for the channel's bucket, so the reply
            // arrives whole and in order.
            var bucketWait = i == 0 ? TimeSpan.Zero : options.Value.RateLimitMaxWait;
            var response = await rest.SendAsync(route, parts[i], bucketWait, globalWait, cancellationToken);
            var outcome = Classify(response);
            if (outcome is not SendOutcome.Sent sent)
            {
                Log.PartNotSent(logger, chat.Key, i + 1, parts.Count, outcome.GetType().Name, response.ToString());
                return outcome;
            }

            ids.AddRange(sent.MessageIds);
        }

        return new SendOutcome.Sent(ids);
    }

    private SendOutcome Classify(DiscordResponse response)
    {
        var now = timeProvider.GetUtcNow();
        return response.Outcome switch
        {
            DiscordOutcome.RateLimited => new SendOutcome.WaitUntil(response.RetryAt ?? now, "the channel's Discord rate limit"),
            DiscordOutcome.Refused => new SendOutcome.WaitUntil(response.RetryAt ?? now, "too many invalid requests to Discord recently"),
            // The request may have been posted: the retry carries the same nonce, so Discord returns that message.
            DiscordOutcome.TransportFailure => DiscordErrorClassifier.Classify(response.TransportError ?? new IOException("no answer")),
            _ when response.IsSuccess => MessageId(response.Body) is { } id
                ? new SendOutcome.Sent([id])
                : new SendOutcome.Transient("Discord accepted the message but returned no id"),
            _ => DiscordErrorClassifier.Classify(
                (int)response.Status!.Value,
                response.Body.ValueKind == JsonValueKind.Object ? response.Body.GetRawText() : null,
                now,
                response.RetryAt is { } retryAt && retryAt > now ? retryAt - now : null),
        };
    }

    private static string? MessageId(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static partial class Log
    {
        [LoggerMessage(5900, LogLevel.Information, "Discord send to {Chat} (part {Part} of {Parts}) not delivered: {Outcome} ({Answer})")]
        public static partial void PartNotSent(ILogger logger, string chat, int part, int parts, string outcome, string answer);
    }
}
