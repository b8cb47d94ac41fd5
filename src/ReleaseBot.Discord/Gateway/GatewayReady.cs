using System.Globalization;
using System.Text.Json;

namespace ReleaseBot.Discord.Gateway;

/// <summary>Reads <see cref="GatewayReadyInfo"/> out of READY's <c>d</c>; extra keys (real READYs carry many) are ignored.</summary>
internal static class GatewayReady
{
    public static GatewayReadyInfo? TryParse(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object
            || Text(data, "session_id") is not { } sessionId
            || Text(data, "resume_gateway_url") is not { } resumeUrl
            || !data.TryGetProperty("application", out var application) || Snowflake(application) is not { } applicationId
            || !data.TryGetProperty("user", out var user) || Snowflake(user) is not { } userId)
        {
            return null;
        }

        return new GatewayReadyInfo(sessionId, resumeUrl, applicationId, userId);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static ulong? Snowflake(JsonElement obj) =>
        obj.ValueKind == JsonValueKind.Object && Text(obj, "id") is { } id
            && ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
