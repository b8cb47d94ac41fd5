using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>Options of a dispatched command as Discord sends them (<c>data.options</c>); channel values are snowflake strings.</summary>
public static class FakeCommandOption
{
    public static JsonObject String(string name, string value, bool focused = false) => Option(3, name, value, focused);
    public static JsonObject Integer(string name, long value, bool focused = false) => Option(4, name, value, focused);
    public static JsonObject Boolean(string name, bool value) => Option(5, name, value, false);
    public static JsonObject Channel(string name, ulong channelId) => Option(7, name, FakeDiscordJson.Id(channelId), false);

    public static JsonObject SubCommand(string name, params JsonObject[] options) =>
        new() { ["type"] = 1, ["name"] = name, ["options"] = new JsonArray([.. options]) };

    private static JsonObject Option(int type, string name, JsonNode? value, bool focused)
    {
        var option = new JsonObject { ["type"] = type, ["name"] = name, ["value"] = value };
        if (focused)
        {
            option["focused"] = true;
        }

        return option;
    }
}
