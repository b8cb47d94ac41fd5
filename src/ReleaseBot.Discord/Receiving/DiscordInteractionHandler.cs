using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Scheduling;
using ReleaseBot.Discord.Chats;
using ReleaseBot.Discord.Rendering;
using ReleaseBot.Discord.Rest;
using ReleaseBot.Discord.Sending;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Answers slash commands and autocomplete, from the gateway or the HTTP endpoint alike
/// (https://docs.discord.com/developers/interactions/receiving-and-responding). A command goes through the translator to
/// the platform-neutral router; its reply is the first response (type 4) when it comes within
/// <see cref="DiscordOptions.DeferAfter"/>, else the interaction is acknowledged as "thinking" (type 5) and the reply
/// replaces it (PATCH <c>@original</c>). Further parts of a long reply follow as follow-ups, in order. Errors and
/// <c>/settings</c> are ephemeral: only the invoking member sees them. Commands of one channel (a thread, a DM) are
/// answered strictly in order, each after the one before it has been sent; other channels go on meanwhile. The defer timer
/// runs from arrival, so a command queued behind a slow one is still acknowledged within Discord's 3 seconds.
/// </summary>
public sealed partial class DiscordInteractionHandler(
    DiscordInteractionTranslator translator,
    DiscordAutocomplete autocomplete,
    ICommandRouter router,
    DiscordRestClient rest,
    DiscordSeenInteractions seen,
    IOptions<DiscordOptions> options,
    TimeProvider timeProvider,
    ILogger<DiscordInteractionHandler> logger)
{
    private readonly KeyedSerialExecutor<string> _channels = new(options.Value.MaxConcurrentInteractions, StringComparer.Ordinal);

    /// <summary>Sends the first response (the REST callback, or the HTTP answer); true when it was accepted.</summary>
    public delegate Task<bool> Respond(DiscordInteractionCallback callback, CancellationToken cancellationToken);

    /// <summary>
    /// Reads an interaction and claims it for answering: null for a repeat of one already claimed, and for anything that
    /// is not a command or autocomplete with an id and a token.
    /// </summary>
    public DiscordInteraction? Claim(JsonElement data)
    {
        InteractionPayload? payload;
        try
        {
            payload = data.Deserialize<InteractionPayload>();
        }
        catch (JsonException ex)
        {
            Log.Unreadable(logger, ex.Message);
            return null;
        }

        if (payload is not { Type: InteractionPayload.ApplicationCommand or InteractionPayload.Autocomplete })
        {
            return null;
        }

        if (!ulong.TryParse(payload.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || Text(data, "token") is not { } token)
        {
            Log.Unreadable(logger, "no id or token");
            return null;
        }

        if (!seen.TryClaim(id))
        {
            Log.Repeated(logger, id);
            return null;
        }

        var applicationId = ulong.TryParse(Text(data, "application_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var app) ? app : 0;
        return new DiscordInteraction(payload, id, applicationId, token);
    }

    /// <summary>Answers over REST: the first response through the interaction callback.</summary>
    public Task AnswerOverGatewayAsync(DiscordInteraction interaction, CancellationToken cancellationToken) =>
        AnswerAsync(interaction, async (callback, ct) =>
        {
            var response = await rest.SendAsync(DiscordRoute.InteractionCallback(interaction.Id, interaction.Token), callback, ct);
            if (response.ErrorCode == DiscordErrorCodes.InteractionAlreadyAcknowledged)
            {
                // Answered before (by this process before a restart, or by the HTTP endpoint): done, with its follow-ups.
                Log.AlreadyAnswered(logger, interaction.Id);
            }
            else if (!response.IsSuccess)
            {
                Log.CallbackFailed(logger, interaction.Id, callback.Type, response.ToString());
            }

            return response.IsSuccess;
        }, cancellationToken);

    public async Task AnswerAsync(DiscordInteraction interaction, Respond respond, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Discord interaction {InteractionId}", interaction.Id);
        if (interaction.Payload.Type == InteractionPayload.Autocomplete)
        {
            var choices = await autocomplete.ChoicesAsync(interaction.Payload, cancellationToken);
            await respond(new DiscordInteractionCallback(DiscordInteractionCallback.AutocompleteResult, new { choices }), cancellationToken);
            return;
        }

        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await AnswerInTurnAsync(interaction, respond, TakeTurn(interaction, sent.Task, cancellationToken), cancellationToken);
        }
        finally
        {
            sent.TrySetResult();
        }
    }

    /// <summary>
    /// Queues the command behind the channel's earlier ones: the task returned gives its reply when its turn comes, and the
    /// channel stays held until <paramref name="sent"/> completes, so the next command's answer cannot overtake this one's.
    /// </summary>
    private Task<Reply> TakeTurn(DiscordInteraction interaction, Task sent, CancellationToken cancellationToken)
    {
        var reply = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        var channel = DiscordChatAddresses.PostChannelId(DiscordChatAddresses.Of(interaction.Payload));
        var turn = _channels.RunAsync(channel, async ct =>
        {
            reply.TrySetResult(await ReplyAsync(interaction, ct));
            await sent;
        }, cancellationToken);

        // A turn that never came (stopping) or failed: no reply will come either.
        _ = turn.ContinueWith(
            t => _ = t.Exception is { } e ? reply.TrySetException(e.InnerExceptions) : reply.TrySetCanceled(),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return reply.Task;
    }

    private async Task AnswerInTurnAsync(DiscordInteraction interaction, Respond respond, Task<Reply> replying, CancellationToken cancellationToken)
    {
        var ephemeral = interaction.Payload.Data?.Name == "settings";
        var deferred = false;
        var acknowledged = true;
        if (!replying.IsCompleted)
        {
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var late = Task.Delay(options.Value.DeferAfter, timeProvider, waiting.Token);
            if (await Task.WhenAny(replying, late) == late)
            {
                deferred = true;
                var flags = ephemeral ? new { flags = DiscordInteractionCallback.EphemeralFlag } : null;
                acknowledged = await respond(new DiscordInteractionCallback(DiscordInteractionCallback.DeferredChannelMessage, flags), cancellationToken);
            }

            await waiting.CancelAsync();
        }

        var reply = await replying;
        if (!acknowledged)
        {
            // No "thinking…" of ours to edit: an @original there is someone else's answer (or none), and stays as it is.
            return;
        }

        // After a visible "thinking…" the answer cannot become ephemeral any more: the original keeps its flags.
        var parts = Parts(reply, ephemeral || (!deferred && reply.Kind == ReplyKind.Error));
        var answered = deferred
            ? await EditOriginalAsync(interaction, parts[0], cancellationToken)
            : await respond(new DiscordInteractionCallback(DiscordInteractionCallback.ChannelMessage, parts[0]), cancellationToken);
        if (!answered)
        {
            return;
        }

        foreach (var part in parts.Skip(1))
        {
            var response = await rest.SendAsync(DiscordRoute.FollowUp(interaction.ApplicationId, interaction.Token), part, cancellationToken);
            if (!response.IsSuccess)
            {
                Log.FollowUpFailed(logger, interaction.Id, response.ToString());
                return;
            }
        }

        Log.Answered(logger, interaction.Id, interaction.Payload.Data?.Name ?? "?", parts.Count, deferred);
    }

    private async Task<Reply> ReplyAsync(DiscordInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            var input = await translator.TranslateAsync(
                interaction.Payload, invocation => new DiscordChatEnvironment(invocation, rest, logger), cancellationToken);
            return input.Accepted
                ? await router.HandleAsync(input.Request with { Group = input.Invocation.GuildId }, cancellationToken)
                : input.Refusal;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.CommandFailed(logger, interaction.Id, e);
            return Reply.Error("Something went wrong answering that command; nothing was changed.");
        }
    }

    private async Task<bool> EditOriginalAsync(DiscordInteraction interaction, DiscordMessagePayload first, CancellationToken cancellationToken)
    {
        var response = await rest.SendAsync(DiscordRoute.EditOriginal(interaction.ApplicationId, interaction.Token), first with { Flags = null }, cancellationToken);
        if (!response.IsSuccess)
        {
            Log.EditFailed(logger, interaction.Id, response.ToString());
        }

        return response.IsSuccess;
    }

    private static List<DiscordMessagePayload> Parts(Reply reply, bool ephemeral)
    {
        var parts = DiscordRenderer.Render(reply).ToList();
        if (parts.Count == 0)
        {
            parts.Add(new DiscordMessagePayload { Content = "✓" });
        }

        return ephemeral ? [.. parts.Select(p => p with { Flags = (p.Flags ?? 0) | DiscordInteractionCallback.EphemeralFlag })] : parts;
    }

    private static string? Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            && v.GetString() is { Length: > 0 } s ? s : null;

    private static partial class Log
    {
        [LoggerMessage(5720, LogLevel.Debug, "Discord interaction {InteractionId} arrived again; it is answered once")]
        public static partial void Repeated(ILogger logger, ulong interactionId);

        [LoggerMessage(5721, LogLevel.Error, "Discord interaction {InteractionId}: the command failed")]
        public static partial void CommandFailed(ILogger logger, ulong interactionId, Exception exception);

        [LoggerMessage(5722, LogLevel.Warning, "Discord interaction {InteractionId}: the response (type {Type}) was not accepted ({Response})")]
        public static partial void CallbackFailed(ILogger logger, ulong interactionId, int type, string response);

        [LoggerMessage(5723, LogLevel.Warning, "Discord interaction {InteractionId}: editing the deferred answer failed ({Response})")]
        public static partial void EditFailed(ILogger logger, ulong interactionId, string response);

        [LoggerMessage(5724, LogLevel.Warning, "Discord interaction {InteractionId}: a follow-up failed ({Response}); the rest is dropped")]
        public static partial void FollowUpFailed(ILogger logger, ulong interactionId, string response);

        [LoggerMessage(5726, LogLevel.Debug, "Discord interaction {InteractionId} was already answered; nothing more is sent")]
        public static partial void AlreadyAnswered(ILogger logger, ulong interactionId);

        [LoggerMessage(5727, LogLevel.Warning, "Discord interaction could not be read and is passed over: {Reason}")]
        public static partial void Unreadable(ILogger logger, string reason);

        [LoggerMessage(5725, LogLevel.Debug, "Discord interaction {InteractionId}: answered /{Command} in {Parts} message(s), deferred {Deferred}")]
        public static partial void Answered(ILogger logger, ulong interactionId, string command, int parts, bool deferred);
    }
}
