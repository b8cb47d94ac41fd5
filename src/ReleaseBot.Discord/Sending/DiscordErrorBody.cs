using System.Text.Json;

namespace ReleaseBot.Discord.Sending;

/// <summary>
/// The parts of a Discord error body the classifier reads: <c>{"code", "message", "retry_after", "global"}</c>.
/// A body that is not JSON (a proxy's HTML page) reads as no code and no message.
/// </summary>
public sealed record DiscordErrorBody(int? Code, string? Message, double? RetryAfterSeconds, bool Global)
{
    public static DiscordErrorBody Empty { get; } = new(null, null, null, false);

    public static DiscordErrorBody Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Empty;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            return new DiscordErrorBody(
                root.TryGetProperty("code", out var code) && code.TryGetInt32(out var c) ? c : null,
                root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null,
                root.TryGetProperty("retry_after", out var retry) && retry.TryGetDouble(out var r) ? r : null,
                root.TryGetProperty("global", out var global) && global.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }
}
