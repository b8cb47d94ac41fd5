using System.Globalization;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Health;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>
/// <c>/status</c> (chat admins): readiness, the last Hub poll, the outbox queue and each platform's connection with
/// its last error, from <see cref="HealthState"/> and the outbox. Reads only.
/// </summary>
public sealed class StatusCommand(HealthState health, IOutbox outbox, IOptions<HealthOptions> options, TimeProvider time) : ICommandHandler
{
    public string Name => "status";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (context.Args.Count > 0)
        {
            return CommandReplies.Usage(context, t.TooManyArguments);
        }

        if (!await context.IsAdminAsync(cancellationToken))
        {
            return CommandReplies.NotAdmin(context);
        }

        var readiness = health.Check(options.Value.MaxPollAge);
        var counts = await outbox.CountByStateAsync(cancellationToken);
        var fields = new List<ReplyField>
        {
            new(t.StatusReady, readiness.Ready ? t.Yes : t.No),
            new(t.StatusHubPoll, PollText(t)),
            new(t.StatusDeliveries, t.StatusQueue(
                counts.GetValueOrDefault(DeliveryState.Pending), counts.GetValueOrDefault(DeliveryState.Failed), counts.GetValueOrDefault(DeliveryState.Sent))),
        };
        foreach (var c in health.Components.Where(c => c.Component != HealthComponent.HubPoll))
        {
            fields.Add(new ReplyField(c.Component.ToString(), PlatformText(t, c), Inline: false));
        }

        return new Reply
        {
            Title = t.StatusTitle,
            Lines = [.. readiness.Problems.Select(p => new ReplyLine(p))],
            Fields = fields,
        };
    }

    private string PollText(Texts t)
    {
        if (health.Get(HealthComponent.HubPoll) is not { } poll)
        {
            return t.StatusPollOff;
        }

        var text = poll.LastSuccessAt is { } at ? t.StatusAgo(When(at), (int)(time.GetUtcNow() - at).TotalMinutes) : t.StatusNoPollYet;
        return poll.LastError is { } error && poll.LastErrorAt is { } errorAt ? $"{text}; {t.StatusLastError(error, When(errorAt))}" : text;
    }

    private static string PlatformText(Texts t, ComponentHealth c)
    {
        var state = c.Up ? t.StatusConnected : t.StatusNotConnected;
        var error = c.LastError is { } e && c.LastErrorAt is { } at ? t.StatusLastError(e, When(at)) : t.StatusNoErrors;
        return $"{state}; {error}";
    }

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
