using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>One request the fake received: the method (lower case) and its parsed parameters.</summary>
public sealed record FakeApiCall(string Method, JsonObject Parameters, int Status, DateTimeOffset At);
