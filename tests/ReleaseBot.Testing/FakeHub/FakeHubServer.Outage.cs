using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>An outage for a stretch: every matching request gets the same fault until <see cref="Recover"/>; and hangs.</summary>
public sealed partial class FakeHubServer
{
    private readonly CancellationTokenSource _hangsEnd = new();
    private FakeHubFault? _outage;
    private int _outageRequests;

    /// <summary>Requests that got the outage's fault since the last <see cref="FailAll"/>.</summary>
    public int OutageRequests
    {
        get
        {
            lock (_lock)
            {
                return _outageRequests;
            }
        }
    }

    /// <summary>From now on every request (or every one <see cref="FakeHubFault.PathContains"/> matches) gets <paramref name="fault"/>.</summary>
    public void FailAll(FakeHubFault fault)
    {
        lock (_lock)
        {
            _outage = fault;
            _outageRequests = 0;
        }
    }

    /// <summary>Ends the outage: requests from now on are answered normally (a request already held by a hang stays held).</summary>
    public void Recover()
    {
        lock (_lock)
        {
            _outage = null;
        }
    }

    private static bool Matches(FakeHubFault fault, string pathAndQuery) =>
        fault.PathContains is null || pathAndQuery.Contains(fault.PathContains, StringComparison.Ordinal);

    private FakeHubFault? OutageFaultLocked(string pathAndQuery)
    {
        if (_outage is null || !Matches(_outage, pathAndQuery))
        {
            return null;
        }

        _outageRequests++;
        return _outage;
    }

    /// <summary>Holds the request for <paramref name="limit"/>, until the client aborts it or the fake is disposed.</summary>
    private async Task HangAsync(TimeSpan limit, CancellationToken aborted)
    {
        using var hold = CancellationTokenSource.CreateLinkedTokenSource(aborted, _hangsEnd.Token);
        await Task.Delay(limit, _time, hold.Token);
    }

    /// <summary>The normal answer, its first byte sent at once and the rest after the hang.</summary>
    private async Task HangInBodyAsync(HttpContext context, RequestDelegate next, TimeSpan limit)
    {
        var body = context.Response.Body;
        byte[] answer;
        using (var buffer = new MemoryStream())
        {
            context.Response.Body = buffer;
            await next(context);
            context.Response.Body = body;
            answer = buffer.ToArray();
        }

        await body.WriteAsync(answer.AsMemory(0, Math.Min(1, answer.Length)), context.RequestAborted);
        await body.FlushAsync(context.RequestAborted);
        await HangAsync(limit, context.RequestAborted);
        await body.WriteAsync(answer.AsMemory(Math.Min(1, answer.Length)), context.RequestAborted);
    }
}
