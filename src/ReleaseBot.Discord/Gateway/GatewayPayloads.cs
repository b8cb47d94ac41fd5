using System.Buffers;
using System.Text.Json;

namespace ReleaseBot.Discord.Gateway;

/// <summary>The three payloads this client sends (https://docs.discord.com/developers/events/gateway-events#send-events).</summary>
internal static class GatewayPayloads
{
    /// <summary>Identify names the library, not the host: the old <c>$os</c>-style names are deprecated.</summary>
    private const string Library = "ReleaseBot";

    /// <summary><c>{"op":1,"d":seq|null}</c>.</summary>
    public static byte[] Heartbeat(long? sequence) => Write(GatewayOpCode.Heartbeat, w =>
    {
        if (sequence is { } s)
        {
            w.WriteNumberValue(s);
        }
        else
        {
            w.WriteNullValue();
        }
    });

    /// <summary>Identify with <see cref="GatewayIntents.Identify"/>, unsharded (<c>shard: [0, 1]</c>).</summary>
    public static byte[] Identify(string token) => Write(GatewayOpCode.Identify, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("intents", GatewayIntents.Identify);
        w.WriteStartObject("properties");
        w.WriteString("os", OperatingSystemName());
        w.WriteString("browser", Library);
        w.WriteString("device", Library);
        w.WriteEndObject();
        w.WriteStartArray("shard");
        w.WriteNumberValue(0);
        w.WriteNumberValue(1);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static byte[] Resume(string token, string sessionId, long sequence) => Write(GatewayOpCode.Resume, w =>
    {
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteString("session_id", sessionId);
        w.WriteNumber("seq", sequence);
        w.WriteEndObject();
    });

    private static byte[] Write(GatewayOpCode op, Action<Utf8JsonWriter> writeData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("op", (int)op);
            writer.WritePropertyName("d");
            writeData(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string OperatingSystemName() =>
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "unknown";
}
