using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// The interaction callback (3-second deadline from dispatch, one answer only) and the webhook routes that edit the
/// original response or add follow-ups for the token's 15 minutes (reference/discord.md §3.1).
/// </summary>
internal sealed partial class FakeDiscordRest
{
    private FakeDiscordReply Callback(ulong interactionId, string token, JsonObject? body, IQueryCollection query)
    {
        var now = Time.GetUtcNow();
        var type = body?["type"] is JsonValue t && t.TryGetValue<int>(out var value) ? value : 0;
        var data = body?["data"] as JsonObject;
        var reply = Answer(interactionId, token, type, data, query, now);
        state.RecordCallback(new FakeDiscordCallback(interactionId, type, (JsonObject?)data?.DeepClone(), now, reply.Status));
        return reply;
    }

    private FakeDiscordReply Answer(ulong interactionId, string token, int type, JsonObject? data, IQueryCollection query, DateTimeOffset now)
    {
        if (state.FindInteraction(interactionId) is not { } entry || entry.Interaction.Token != token)
        {
            return FakeDiscordReply.UnknownInteraction();
        }

        lock (entry)
        {
            if (entry.AckType is not null)
            {
                return FakeDiscordReply.Error(400, 40060, "Interaction has already been acknowledged.");
            }

            if (now - entry.Interaction.DispatchedAt > Options.InteractionDeadline)
            {
                return FakeDiscordReply.UnknownInteraction();
            }

            if (CallbackError(entry.Interaction.Type, type, data ?? []) is { } error)
            {
                return error;
            }

            entry.AckType = type;
            if (type is 4 or 5)
            {
                var message = NewMessage(entry.Interaction.ChannelId, type == 4 ? data ?? [] : new JsonObject { ["flags"] = data?["flags"]?.DeepClone() }, now);
                entry.Original = message with { InteractionId = interactionId, Nonce = null };
            }

            if (query["with_response"] != "true")
            {
                return FakeDiscordReply.NoContent();
            }

            var resource = new JsonObject { ["type"] = type };
            if (entry.Original is { } original)
            {
                resource["message"] = FakeDiscordJson.Message(original, BotUser());
            }

            return FakeDiscordReply.Ok(new JsonObject
            {
                ["interaction"] = new JsonObject
                {
                    ["id"] = Snowflake(interactionId),
                    ["type"] = entry.Interaction.Type,
                    ["response_message_id"] = entry.Original is { } m ? Snowflake(m.Id) : null,
                    ["response_message_loading"] = type == 5,
                    ["response_message_ephemeral"] = ((data?["flags"]?.GetValue<int>() ?? 0) & 64) != 0,
                },
                ["resource"] = resource,
            });
        }
    }

    private static FakeDiscordReply? CallbackError(int interactionType, int type, JsonObject data)
    {
        var allowed = interactionType switch
        {
            1 => type == 1,
            FakeDiscordInteraction.ApplicationCommand => type is 4 or 5 or 9,
            3 => type is 4 or 5 or 6 or 7 or 9,
            FakeDiscordInteraction.Autocomplete => type == 8,
            _ => type is 4 or 5,
        };
        if (!allowed)
        {
            return FakeDiscordReply.Invalid(FakeDiscordFormErrors.Single("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Invalid interaction response type for this interaction."));
        }

        var errors = new FakeDiscordFormErrors();
        switch (type)
        {
            case 4 or 7:
                FakeDiscordMessageRules.Validate(data, errors, FakeDiscordMessageRules.ResponseFlags);
                if (!errors.Any && FakeDiscordMessageRules.IsEmpty(data))
                {
                    return FakeDiscordReply.EmptyMessage();
                }

                break;
            case 5:
                FakeDiscordMessageRules.Validate(data, errors, 64);
                break;
            case 8:
                var choices = data["choices"] as JsonArray;
                if (choices is null)
                {
                    errors.Required("data.choices");
                }
                else if (choices.Count > 25)
                {
                    errors.MaxLength("data.choices", 25);
                }

                for (var i = 0; i < (choices?.Count ?? 0); i++)
                {
                    var name = choices![i]?["name"]?.ToString() ?? string.Empty;
                    if (name.Length is < 1 or > 100)
                    {
                        errors.BadRange($"data.choices.{i}.name", 1, 100);
                    }

                    if (choices[i]?["value"] is JsonValue v && v.ToString().Length > 100)
                    {
                        errors.MaxLength($"data.choices.{i}.value", 100);
                    }
                }

                break;
        }

        return errors.Any ? FakeDiscordReply.Invalid(errors.Body()) : null;
    }

    /// <summary>The interaction behind a webhook route, when the token still serves follow-ups (acknowledged, within its lifetime).</summary>
    private FakeDiscordInteractionEntry? WebhookEntry(string app, string token)
    {
        if (app != Snowflake(Options.ApplicationId) || state.FindInteraction(token) is not { } entry)
        {
            return null;
        }

        lock (entry)
        {
            var fresh = Time.GetUtcNow() - entry.Interaction.DispatchedAt <= Options.InteractionTokenLifetime;
            return fresh && entry.AckType is 4 or 5 or 6 or 7 ? entry : null;
        }
    }

    private FakeDiscordReply EditOriginal(string app, string token, JsonObject? body)
    {
        if (WebhookEntry(app, token) is not { } entry)
        {
            return FakeDiscordReply.UnknownWebhook();
        }

        body ??= [];
        var errors = new FakeDiscordFormErrors();
        FakeDiscordMessageRules.Validate(body, errors, FakeDiscordMessageRules.ResponseFlags);
        if (errors.Any)
        {
            return FakeDiscordReply.Invalid(errors.Body());
        }

        lock (entry)
        {
            if (entry.Original is not { } original)
            {
                return FakeDiscordReply.Error(404, 10008, "Unknown Message");
            }

            var edited = EditedMessage(original, body, Time.GetUtcNow());
            if (string.IsNullOrEmpty(edited.Content) && edited.Embeds.Count == 0)
            {
                return FakeDiscordReply.EmptyMessage();
            }

            entry.Original = edited;
            state.Changed();
            return FakeDiscordReply.Ok(FakeDiscordJson.Message(edited, BotUser()));
        }
    }

    private FakeDiscordReply DeleteOriginal(string app, string token)
    {
        if (WebhookEntry(app, token) is not { } entry)
        {
            return FakeDiscordReply.UnknownWebhook();
        }

        lock (entry)
        {
            if (entry.Original is null)
            {
                return FakeDiscordReply.Error(404, 10008, "Unknown Message");
            }

            entry.Original = null;
        }

        state.Changed();
        return FakeDiscordReply.NoContent();
    }

    private FakeDiscordReply FollowUp(string app, string token, JsonObject? body, IQueryCollection query)
    {
        if (WebhookEntry(app, token) is not { } entry)
        {
            return FakeDiscordReply.UnknownWebhook();
        }

        body ??= [];
        var errors = new FakeDiscordFormErrors();
        FakeDiscordMessageRules.Validate(body, errors, FakeDiscordMessageRules.ResponseFlags);
        if (errors.Any)
        {
            return FakeDiscordReply.Invalid(errors.Body());
        }

        if (FakeDiscordMessageRules.IsEmpty(body))
        {
            return FakeDiscordReply.EmptyMessage();
        }

        var message = NewMessage(entry.Interaction.ChannelId, body, Time.GetUtcNow()) with { InteractionId = entry.Interaction.Id };
        lock (entry)
        {
            entry.FollowUps.Add(message);
        }

        state.Changed();
        // Interaction follow-ups always return the message (Execute Webhook with wait=true); an explicit wait=false gets 204.
        return query["wait"] == "false" ? FakeDiscordReply.NoContent() : FakeDiscordReply.Ok(FakeDiscordJson.Message(message, BotUser()));
    }
}
