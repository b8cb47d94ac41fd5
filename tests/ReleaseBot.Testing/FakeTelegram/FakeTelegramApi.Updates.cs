using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>getUpdates as the official server does it (tdlib/telegram-bot-api Client.cpp process_get_updates_query).</summary>
internal sealed partial class FakeTelegramApi
{
    private readonly Lock _pollGate = new();
    private CancellationTokenSource? _pendingPoll;

    private async Task<(int, JsonObject)> GetUpdatesAsync(JsonObject p, CancellationToken requestAborted)
    {
        if (state.WebhookUrl is not null)
        {
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        if (p["allowed_updates"] is JsonArray allowed)
        {
            state.AllowedUpdates = allowed.Count == 0 ? null : [.. allowed.Select(a => a!.GetValue<string>())];
        }

        var offset = (int)(Long(p, "offset") ?? 0);
        var limit = (int)Math.Clamp(Long(p, "limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Clamp(Long(p, "timeout") ?? 0, 0, 50));
        if (timeout > state.Options.LongPollCap)
        {
            timeout = state.Options.LongPollCap;
        }

        var (updates, arrived) = state.TakeUpdates(offset, limit);
        if (updates.Length > 0 || timeout == TimeSpan.Zero)
        {
            return Ok(new JsonArray(updates));
        }

        // A new long poll that has to wait ends the older one with 409 (only one poller may run).
        using var mine = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        lock (_pollGate)
        {
            _pendingPoll?.Cancel();
            _pendingPoll = mine;
        }

        state.CountParkedPoll();

        try
        {
            var deadline = time.GetUtcNow() + timeout;
            while (true)
            {
                var left = deadline - time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    return Ok(new JsonArray());
                }

                try
                {
                    await arrived.WaitAsync(left, time, mine.Token);
                }
                catch (TimeoutException)
                {
                    return Ok(new JsonArray());
                }
                catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
                {
                    return Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
                }

                (updates, arrived) = state.TakeUpdates(offset, limit);
                if (updates.Length > 0)
                {
                    return Ok(new JsonArray(updates));
                }
            }
        }
        finally
        {
            lock (_pollGate)
            {
                if (_pendingPoll == mine)
                {
                    _pendingPoll = null;
                }
            }
        }
    }
}
