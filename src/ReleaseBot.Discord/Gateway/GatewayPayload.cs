using System.Text.Json;

namespace ReleaseBot.Discord.Gateway;

/// <summary>
/// A received envelope <c>{"op", "d", "s", "t"}</c> (https://docs.discord.com/developers/events/gateway-events#payload-structure).
/// Unknown keys (a real Hello carries <c>_trace</c>) are ignored.
/// </summary>
internal sealed record GatewayPayload(int Op, JsonElement Data, long? Sequence, string? EventName)
{
    /// <summary>Parses one frame; null when it is not a JSON object with an integer <c>op</c>.</summary>
    public static GatewayPayload? TryParse(ReadOnlyMemory<byte> frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op)
                || op.ValueKind != JsonValueKind.Number || !op.TryGetInt32(out var code))
            {
                return null;
            }

            var data = root.TryGetProperty("d", out var d) ? d.Clone() : default;
            long? sequence = root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;
            var name = root.TryGetProperty("t", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return new GatewayPayload(code, data, sequence, name);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
