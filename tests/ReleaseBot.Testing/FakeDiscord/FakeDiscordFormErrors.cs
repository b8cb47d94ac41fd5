using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// Builds Discord's 50035 "Invalid Form Body" answer: <c>errors</c> mirrors the JSON path of each bad field with
/// <c>_errors</c> arrays at the leaves (reference/discord.md §1, samples/discord_error_bodies.json).
/// </summary>
internal sealed class FakeDiscordFormErrors
{
    private readonly JsonObject _root = [];

    public bool Any => _root.Count > 0;

    /// <summary>Adds an error at a dotted path (<c>embeds.0.title</c>); an empty path is the request itself.</summary>
    public void Add(string path, string code, string message)
    {
        var node = _root;
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (node[part] is not JsonObject next)
            {
                node[part] = next = [];
            }

            node = next;
        }

        if (node["_errors"] is not JsonArray leaf)
        {
            node["_errors"] = leaf = [];
        }

        leaf.Add(new JsonObject { ["code"] = code, ["message"] = message });
    }

    public void MaxLength(string path, int max) => Add(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    public void Required(string path) => Add(path, "BASE_TYPE_REQUIRED", "This field is required");

    public void BadRange(string path, int min, int max) =>
        Add(path, "BASE_TYPE_BAD_LENGTH", $"Must be between {min} and {max} in length.");

    public JsonObject Body() => new() { ["code"] = 50035, ["message"] = "Invalid Form Body", ["errors"] = _root.DeepClone() };

    public static JsonObject Single(string path, string code, string message)
    {
        var errors = new FakeDiscordFormErrors();
        errors.Add(path, code, message);
        return errors.Body();
    }
}
