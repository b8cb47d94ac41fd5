namespace ReleaseBot.Testing.FakeHub;

/// <summary>An outage for a stretch: every matching request gets the same fault until <see cref="Recover"/>.</summary>
public sealed partial class FakeHubServer
{
    private FakeHubFault? _outage;
    private int _outageRequests;
    private TaskCompletionSource _recovered = NewRecovery();

    /// <summary>Requests answered with the outage's fault since the last <see cref="FailAll"/>.</summary>
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
            _recovered = NewRecovery();
        }
    }

    /// <summary>Ends the outage; requests held by a <see cref="FakeHubFault.Hang"/> get their normal answer now.</summary>
    public void Recover()
    {
        TaskCompletionSource recovered;
        lock (_lock)
        {
            _outage = null;
            recovered = _recovered;
        }

        recovered.TrySetResult();
    }

    private static TaskCompletionSource NewRecovery() => new(TaskCreationOptions.RunContinuationsAsynchronously);

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

    private async Task HangAsync(TimeSpan limit, CancellationToken aborted)
    {
        Task recovered;
        lock (_lock)
        {
            recovered = _recovered.Task;
        }

        await Task.WhenAny(recovered, Task.Delay(limit, _time, aborted));
        aborted.ThrowIfCancellationRequested();
    }
}
