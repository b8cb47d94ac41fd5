using System.Text.Json;
using ReleaseBot.Discord.Gateway;

namespace ReleaseBot.Tests.Discord;

/// <summary>Records every dispatch, in order.</summary>
internal sealed class RecordingDispatchHandler : IGatewayDispatchHandler
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, JsonElement Data)> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
            {
                return [.. _events.Select(e => e.Name)];
            }
        }
    }

    public IReadOnlyList<(string Name, JsonElement Data)> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public Task HandleAsync(string eventName, JsonElement data, CancellationToken cancellationToken)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _events.Add((eventName, data));
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return Task.CompletedTask;
    }

    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            if (condition())
            {
                return;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}
