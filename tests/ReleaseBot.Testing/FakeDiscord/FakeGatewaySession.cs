using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>One gateway session: its id, the dispatch log with increasing <c>s</c> (kept for Resume replay) and its socket.</summary>
internal sealed class FakeGatewaySession(string id)
{
    private readonly List<JsonObject> _log = [];

    public string Id => id;
    public int Sequence { get; private set; }
    public bool Invalidated { get; set; }
    public FakeGatewayConnection? Connection { get; set; }

    /// <summary>Numbers and logs a dispatch; the frame is sent by the caller while it holds the dispatch gate.</summary>
    public JsonObject Log(string type, JsonNode? data)
    {
        var frame = new JsonObject { ["op"] = 0, ["s"] = ++Sequence, ["t"] = type, ["d"] = data };
        _log.Add(frame);
        return frame;
    }

    public IReadOnlyList<JsonObject> After(int sequence) => [.. _log.Where(f => f["s"]!.GetValue<int>() > sequence)];
}
