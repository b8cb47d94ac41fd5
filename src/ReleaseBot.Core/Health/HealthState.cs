using System.Collections.Concurrent;

namespace ReleaseBot.Core.Health;

/// <summary>
/// The one place that knows how the running parts are doing. Adapters and pollers report here as things happen
/// (a poll succeeded, the gateway is ready, the Bot API stopped answering); <c>/readyz</c> and <c>/status</c> read it.
/// A component that never reported is not enabled and is not waited for, except that an enabled part reports
/// <see cref="Starting"/> as it starts, so readiness waits for its first success.
/// </summary>
public sealed class HealthState
{
    private readonly ConcurrentDictionary<HealthComponent, ComponentHealth> _components = new();
    private readonly TimeProvider time;

    public HealthState(TimeProvider time, IEnumerable<ExpectedComponent> expected)
    {
        this.time = time;
        foreach (var e in expected)
        {
            Starting(e.Component);
        }
    }

    public HealthState(TimeProvider time)
        : this(time, [])
    {
    }

    /// <summary>The part is enabled and starting: not ready until its first <see cref="Succeeded"/>.</summary>
    public void Starting(HealthComponent component) =>
        _components.TryAdd(component, new ComponentHealth(component, false, time.GetUtcNow(), null, null, null));

    /// <summary>The part works (a poll finished, the API answered, the session is ready).</summary>
    public void Succeeded(HealthComponent component)
    {
        var now = time.GetUtcNow();
        _components.AddOrUpdate(
            component,
            c => new ComponentHealth(c, true, now, now, null, null),
            (_, old) => old with { Up = true, ChangedAt = old.Up ? old.ChangedAt : now, LastSuccessAt = now });
    }

    /// <summary>The part failed; <paramref name="reason"/> is shown in <c>/status</c> and <c>/readyz</c>, so it must hold no secret.</summary>
    public void Failed(HealthComponent component, string reason)
    {
        var now = time.GetUtcNow();
        _components.AddOrUpdate(
            component,
            c => new ComponentHealth(c, false, now, null, reason, now),
            (_, old) => old with { Up = false, ChangedAt = old.Up ? now : old.ChangedAt, LastError = reason, LastErrorAt = now });
    }

    /// <summary>
    /// An error that does not take the part down (the API answered, but refused one request): kept as the last error
    /// for <c>/status</c>. Like <see cref="Failed"/>, <paramref name="reason"/> must hold no secret.
    /// </summary>
    public void Noted(HealthComponent component, string reason)
    {
        var now = time.GetUtcNow();
        _components.AddOrUpdate(
            component,
            c => new ComponentHealth(c, false, now, null, reason, now),
            (_, old) => old with { LastError = reason, LastErrorAt = now });
    }

    public ComponentHealth? Get(HealthComponent component) => _components.GetValueOrDefault(component);

    public IReadOnlyList<ComponentHealth> Components => [.. _components.Values.OrderBy(c => c.Component)];

    /// <summary>
    /// Ready when every reporting component is up and the Hub's last successful poll is no older than
    /// <paramref name="maxPollAge"/>. The store is checked by the caller (it needs I/O).
    /// </summary>
    public Readiness Check(TimeSpan maxPollAge)
    {
        var now = time.GetUtcNow();
        var problems = new List<string>();
        foreach (var c in Components)
        {
            if (c.Component == HealthComponent.HubPoll)
            {
                if (c.LastSuccessAt is not { } last)
                {
                    problems.Add($"hub poll: no successful poll yet{Because(c)}");
                }
                else if (now - last > maxPollAge)
                {
                    problems.Add($"hub poll: last success {(int)(now - last).TotalMinutes} min ago{Because(c)}");
                }
            }
            else if (!c.Up)
            {
                problems.Add($"{c.Component.ToString().ToLowerInvariant()}: not connected{Because(c)}");
            }
        }

        return Readiness.Check(problems);
    }

    private static string Because(ComponentHealth c) => c.LastError is { } error ? $" ({error})" : string.Empty;
}
