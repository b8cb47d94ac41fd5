using System.Globalization;
using System.Text.RegularExpressions;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary><c>/digest &lt;HH:mm&gt; [zone]</c>: daily digest time in an IANA zone; the mode then includes the digest.</summary>
public sealed partial class DigestCommand(ISubscriptionStore subscriptions, ChatSettings settings) : ICommandHandler
{
    public string Name => "digest";

    public async Task<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var t = context.T;
        if (!await context.IsAdminAsync(cancellationToken))
        {
            return CommandReplies.NotAdmin(context);
        }

        if (context.Args.Count is 0 or > 2)
        {
            return CommandReplies.Usage(context, context.Args.Count == 0 ? t.DigestArgMissing : t.TooManyArguments);
        }

        if (!TryParseTime(context.Args[0], out var time))
        {
            return CommandReplies.Usage(context, t.BadTime(CommandReplies.Echo(context.Args[0])));
        }

        var zone = context.Subscription?.TimeZone ?? "UTC";
        if (context.Args.Count == 2)
        {
            if (!TryFindZone(context.Args[1], out var found))
            {
                return CommandReplies.Usage(context, t.UnknownZone(CommandReplies.Echo(context.Args[1])));
            }

            zone = found;
        }

        var request = context.Request;
        var current = context.Subscription ?? settings.Create(request.Chat, request.ChatTitle, request.SenderId, context.Language) with { Mode = DeliveryMode.Digest };
        var updated = current with
        {
            DigestTime = time,
            TimeZone = zone,
            Mode = current.Mode == DeliveryMode.Instant ? DeliveryMode.Both : current.Mode,
        };
        await subscriptions.UpsertSubscriptionAsync(updated, cancellationToken);
        return Reply.Text(t.DigestSet(time.ToString("HH:mm", CultureInfo.InvariantCulture), zone, t.ModeName(updated.Mode)), ReplyKind.Done);
    }

    /// <summary>24-hour <c>H:mm</c> or <c>HH:mm</c>; "25:00", "9h" and "9:5" are refused.</summary>
    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        return Clock().IsMatch(text)
            && TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>An IANA zone id known to this machine (tzdata), returned in its canonical spelling.</summary>
    public static bool TryFindZone(string text, out string zoneId)
    {
        zoneId = string.Empty;
        if (!ZoneShape().IsMatch(text))
        {
            return false;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(text);
            zoneId = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^[0-9]{1,2}:[0-9]{2}$")]
    private static partial Regex Clock();

    // IANA ids: letters, digits, '/', '_', '-', '+'; never a path that climbs ("../").
    [GeneratedRegex(@"^(?!.*\.\.)[A-Za-z][A-Za-z0-9/_+-]{0,63}$")]
    private static partial Regex ZoneShape();
}
