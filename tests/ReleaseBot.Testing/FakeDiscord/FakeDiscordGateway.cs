using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// The fake Gateway at <see cref="Url"/> (Resume at <see cref="ResumeUrl"/>): Hello, heartbeats, Identify/Resume checks,
/// READY and GUILD_CREATE, dispatches with increasing <c>s</c>, replay on Resume; and the scripts tests need
/// (op 7, op 9, close codes, a dropped socket, swallowed ACKs). Counts every Identify and Resume.
/// </summary>
public sealed partial class FakeDiscordGateway : IAsyncDisposable
{
    private readonly FakeDiscordState _state;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _dispatch = new(1, 1);
    private readonly Dictionary<string, FakeGatewaySession> _sessions = [];
    private readonly List<string> _connectedPaths = [];
    private readonly List<JsonObject> _identifies = [];
    private readonly List<JsonNode?> _heartbeats = [];
    private readonly List<int> _clientCloseCodes = [];
    private readonly FakeTelegram.FakeSlidingWindow? _identifyWindow;
    private FakeGatewayConnection? _current;
    private FakeGatewaySession? _session;
    private string _root = string.Empty;
    private CancellationToken _stopping;

    internal FakeDiscordGateway(FakeDiscordState state)
    {
        _state = state;
        _identifyWindow = state.Options.IdentifyLimit is { } rule ? new FakeTelegram.FakeSlidingWindow(rule) : null;
    }

    /// <summary><c>ws://127.0.0.1:{port}/gateway</c>, as <c>GET /gateway/bot</c> returns it (the client adds <c>?v=10&amp;encoding=json</c>).</summary>
    public string Url => _root + "/gateway";
    /// <summary>The <c>resume_gateway_url</c> READY carries; a distinct path so tests see which URL the client used.</summary>
    public string ResumeUrl => _root + "/gateway-resume";

    /// <summary>While true, heartbeats get no op 11 ACK (a zombied connection).</summary>
    public bool DropHeartbeatAcks { get; set; }

    public int IdentifyCount => Read(() => _identifies.Count);
    public int ResumeCount { get; private set; }
    public int ConnectionCount => Read(() => _connectedPaths.Count);
    /// <summary>Path and query of every connection, in order (e.g. <c>/gateway?v=10&amp;encoding=json</c>, then <c>/gateway-resume?…</c>).</summary>
    public IReadOnlyList<string> ConnectedPaths => Read(() => _connectedPaths.ToArray());
    /// <summary>Identify <c>d</c> payloads received, token removed.</summary>
    public IReadOnlyList<JsonObject> Identifies => Read(() => _identifies.Select(i => (JsonObject)i.DeepClone()).ToArray());
    /// <summary>The <c>d</c> of every heartbeat (null or the last <c>s</c> the client saw).</summary>
    public IReadOnlyList<JsonNode?> Heartbeats => Read(() => _heartbeats.Select(h => h?.DeepClone()).ToArray());
    /// <summary>Close codes the client sent (1000/1001 end the session; others keep it resumable).</summary>
    public IReadOnlyList<int> ClientCloseCodes => Read(() => _clientCloseCodes.ToArray());
    /// <summary>The session of the last READY, if any.</summary>
    public string? SessionId => Read(() => _session?.Id);
    /// <summary>The last sequence number the fake dispatched in the current session.</summary>
    public int Sequence => Read(() => _session?.Sequence ?? 0);
    /// <summary>True while a socket is open on a session that got READY or RESUMED.</summary>
    public bool IsLive => Read(() => _current is { Closed: false, Session: not null });

    /// <summary>Completes once a socket is live (after READY or RESUMED).</summary>
    public Task WaitUntilLiveAsync(CancellationToken cancellationToken) => _state.WaitUntilAsync(_ => IsLive, cancellationToken);

    internal void Start(string wsRoot, CancellationToken stopping)
    {
        _root = wsRoot;
        _stopping = stopping;
    }

    internal static bool Accepts(HttpContext context) => context.Request.Path.Value is "/gateway" or "/gateway/" or "/gateway-resume" or "/gateway-resume/";

    internal async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = new FakeGatewayConnection(socket, context.Request.Path + context.Request.QueryString, _state.Options);
        lock (_gate)
        {
            _connectedPaths.Add(connection.Path);
            _current = connection;
        }

        _state.Changed();
        await RunAsync(connection, context.Request.Query, socket);
        lock (_gate)
        {
            if (connection.Session is { } session && session.Connection == connection)
            {
                session.Connection = null;
            }
        }

        _state.Changed();
    }

    private async Task RunAsync(FakeGatewayConnection connection, IQueryCollection query, WebSocket socket)
    {
        var token = _stopping;
        if (query["v"] != "10")
        {
            await connection.CloseAsync(4012, "Invalid API version", token);
            await DrainAsync(connection, token);
            return;
        }

        if (query["encoding"] != "json" || query.ContainsKey("compress"))
        {
            await connection.CloseAsync(4002, "Decode error", token);
            await DrainAsync(connection, token);
            return;
        }

        await connection.SendAsync(Frame(10, new JsonObject { ["heartbeat_interval"] = (int)_state.Options.HeartbeatInterval.TotalMilliseconds }), token);
        connection.ExpectHeartbeat(() => _ = connection.CloseAsync(4000, "Heartbeat timeout", token));
        try
        {
            while (await connection.ReceiveAsync(token) is { } frame)
            {
                await OnFrameAsync(connection, frame, token);
            }
        }
        catch (GatewayViolation violation)
        {
            await connection.CloseAsync(violation.Code, violation.Message, token);
            await DrainAsync(connection, token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            connection.Abort();
        }

        if (socket.CloseStatus is { } status)
        {
            OnClientClose(connection, (int)status);
        }
    }

    private void OnClientClose(FakeGatewayConnection connection, int code)
    {
        lock (_gate)
        {
            _clientCloseCodes.Add(code);
            if (code is 1000 or 1001 && connection.Session is { } session)
            {
                session.Invalidated = true;
            }
        }
    }

    /// <summary>After the fake's close frame, waits for the client's (or the drop) so the socket ends cleanly.</summary>
    private static async Task DrainAsync(FakeGatewayConnection connection, CancellationToken token)
    {
        try
        {
            while (await connection.ReceiveAsync(token) is not null)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or GatewayViolation)
        {
            connection.Abort();
        }
    }

    internal static JsonObject Frame(int op, JsonNode? data) => new() { ["op"] = op, ["d"] = data, ["s"] = null, ["t"] = null };

    private static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    public async ValueTask DisposeAsync()
    {
        FakeGatewayConnection? current;
        lock (_gate)
        {
            current = _current;
        }

        current?.Abort();
        await Task.CompletedTask;
        _dispatch.Dispose();
    }
}
