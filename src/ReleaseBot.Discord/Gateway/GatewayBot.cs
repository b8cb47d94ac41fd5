using System.Text.Json;

namespace ReleaseBot.Discord.Gateway;

/// <summary>The parts of <c>GET /gateway/bot</c> the client uses (https://docs.discord.com/developers/events/gateway#get-gateway-bot).</summary>
internal sealed record GatewayBot(string Url, int? SessionStartsRemaining, TimeSpan SessionStartsResetAfter, int MaxConcurrency)
{
    public static GatewayBot? TryParse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("url", out var url)
            || url.ValueKind != JsonValueKind.String || url.GetString() is not { Length: > 0 } text)
        {
            return null;
        }

        int? remaining = null;
        var resetAfter = TimeSpan.Zero;
        var maxConcurrency = 1;
        if (body.TryGetProperty("session_start_limit", out var limit) && limit.ValueKind == JsonValueKind.Object)
        {
            if (limit.TryGetProperty("remaining", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt32(out var n))
            {
                remaining = n;
            }

            if (limit.TryGetProperty("reset_after", out var ra) && ra.ValueKind == JsonValueKind.Number && ra.TryGetDouble(out var ms) && ms > 0)
            {
                resetAfter = TimeSpan.FromMilliseconds(ms);
            }

            if (limit.TryGetProperty("max_concurrency", out var mc) && mc.ValueKind == JsonValueKind.Number && mc.TryGetInt32(out var c) && c > 0)
            {
                maxConcurrency = c;
            }
        }

        return new GatewayBot(text, remaining, resetAfter, maxConcurrency);
    }
}
