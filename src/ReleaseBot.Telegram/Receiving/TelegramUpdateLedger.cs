using System.Globalization;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// Which updates are handled, kept in the store so a restart neither loses nor repeats a command: every update_id
/// below <c>next</c> is handled, and so is each id listed after it (updates handled out of order while earlier ones in
/// the same batch still run). Written as each update finishes, so a restart repeats at most the updates that were
/// running when the process died.
/// </summary>
/// <remarks>
/// Stored as <c>next</c> or <c>next:id,id,…</c> under the key the plain offset used, which it still reads. Polling
/// moves <c>next</c> past a batch once the whole batch is handled; a webhook, which never sees a batch, moves it past
/// the oldest listed ids once more than <see cref="MaxListed"/> are listed.
/// </remarks>
public sealed class TelegramUpdateLedger(IStateStore state)
{
    public const string Key = "telegram:update-offset";

    /// <summary>Ids kept past <c>next</c>; a webhook redelivery older than that many newer updates counts as handled.</summary>
    public const int MaxListed = 1000;

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly SortedSet<int> _listed = [];
    private int _next;
    private bool _loaded;

    /// <summary>Reads the ledger (once per process) and returns the offset to ask getUpdates for.</summary>
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref _loaded))
        {
            var saved = await state.GetStateAsync(Key, cancellationToken) ?? string.Empty;
            lock (_gate)
            {
                if (!_loaded)
                {
                    Parse(saved);
                    _loaded = true;
                }
            }
        }

        lock (_gate)
        {
            return _next;
        }
    }

    public bool IsHandled(int updateId)
    {
        lock (_gate)
        {
            return updateId < _next || _listed.Contains(updateId);
        }
    }

    /// <summary>Records one handled update.</summary>
    public Task MarkHandledAsync(int updateId, CancellationToken cancellationToken) => ChangeAsync(() =>
    {
        if (updateId >= _next)
        {
            _listed.Add(updateId);
        }

        while (_listed.Count > MaxListed)
        {
            _next = _listed.Min + 1;
            _listed.Remove(_listed.Min);
        }
    }, cancellationToken);

    /// <summary>Every update below <paramref name="next"/> is handled (a polled batch is done).</summary>
    public Task AdvanceAsync(int next, CancellationToken cancellationToken) => ChangeAsync(() =>
    {
        _next = Math.Max(_next, next);
        _listed.RemoveWhere(id => id < _next);
    }, cancellationToken);

    /// <summary>Changes and writes under one gate, so concurrent writes cannot land in the wrong order.</summary>
    private async Task ChangeAsync(Action change, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        await _write.WaitAsync(cancellationToken);
        try
        {
            string value;
            lock (_gate)
            {
                change();
                value = _listed.Count == 0
                    ? _next.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{_next}:{string.Join(',', _listed)}");
            }

            await state.SetStateAsync(Key, value, cancellationToken);
        }
        finally
        {
            _write.Release();
        }
    }

    private void Parse(string saved)
    {
        var parts = saved.Split(':', 2);
        _next = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var next) ? next : 0;
        if (parts.Length == 2)
        {
            foreach (var id in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var listed) && listed >= _next)
                {
                    _listed.Add(listed);
                }
            }
        }
    }
}
