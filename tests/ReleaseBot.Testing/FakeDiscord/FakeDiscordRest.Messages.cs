using System.Globalization;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary><c>GET /channels/{id}</c> and <c>POST /channels/{id}/messages</c>: existence, the bot's permissions, limits, nonce.</summary>
internal sealed partial class FakeDiscordRest
{
    private readonly Lock _nonceGate = new();
    private readonly Dictionary<string, FakeDiscordMessage> _nonces = [];

    private FakeDiscordReply GetChannel(ulong channelId)
    {
        if (state.FindChannel(channelId) is not var (channel, guild))
        {
            return FakeDiscordReply.UnknownChannel();
        }

        if (guild is not null && !FakeDiscordPermissions.Has(BotPermissions(guild, channel), FakeDiscordPermissions.ViewChannel))
        {
            return FakeDiscordReply.Error(403, 50001, "Missing Access");
        }

        return FakeDiscordReply.Ok(FakeDiscordJson.Channel(channel));
    }

    private FakeDiscordReply CreateMessage(ulong channelId, JsonObject? body)
    {
        if (state.FindChannel(channelId) is not var (channel, guild))
        {
            return FakeDiscordReply.UnknownChannel();
        }

        if (guild is not null)
        {
            var permissions = BotPermissions(guild, channel);
            if (!FakeDiscordPermissions.Has(permissions, FakeDiscordPermissions.ViewChannel))
            {
                return FakeDiscordReply.Error(403, 50001, "Missing Access");
            }

            var send = channel.IsThread ? FakeDiscordPermissions.SendMessagesInThreads : FakeDiscordPermissions.SendMessages;
            if (!FakeDiscordPermissions.Has(permissions, send))
            {
                return FakeDiscordReply.Error(403, 50013, "Missing Permissions");
            }
        }

        if (!channel.CanHoldMessages)
        {
            return FakeDiscordReply.Error(400, 50008, "Cannot send messages in a non-text channel");
        }

        body ??= [];
        var errors = new FakeDiscordFormErrors();
        FakeDiscordMessageRules.Validate(body, errors, FakeDiscordMessageRules.MessageFlags);
        if (errors.Any)
        {
            return FakeDiscordReply.Invalid(errors.Body());
        }

        if (FakeDiscordMessageRules.IsEmpty(body))
        {
            return FakeDiscordReply.EmptyMessage();
        }

        var now = Time.GetUtcNow();
        var nonce = body["nonce"] is JsonValue n ? n.ToString() : null;
        var enforce = body["enforce_nonce"] is JsonValue e && e.TryGetValue<bool>(out var flag) && flag;
        lock (_nonceGate)
        {
            // Same author (always the bot here) and same nonce within the window: the existing message, nothing new.
            if (enforce && nonce is not null && _nonces.TryGetValue(nonce, out var existing) && now - existing.CreatedAt < Options.NonceWindow)
            {
                return FakeDiscordReply.Ok(FakeDiscordJson.Message(existing, BotUser()));
            }

            var message = NewMessage(channelId, body, now);
            if (nonce is not null)
            {
                _nonces[nonce] = message;
            }

            state.AddMessage(message);
            return FakeDiscordReply.Ok(FakeDiscordJson.Message(message, BotUser()));
        }
    }

    private FakeDiscordMessage NewMessage(ulong channelId, JsonObject body, DateTimeOffset now) => new(
        state.NextSnowflake(),
        channelId,
        body["content"]?.GetValue<string>(),
        body["embeds"] is JsonArray embeds ? (JsonArray)embeds.DeepClone() : [],
        body["nonce"] is JsonValue nonce ? nonce.ToString() : null,
        body["allowed_mentions"]?.DeepClone(),
        body["flags"]?.GetValue<int>() ?? 0,
        now);

    private FakeDiscordMessage EditedMessage(FakeDiscordMessage message, JsonObject body, DateTimeOffset now) => message with
    {
        Content = body.ContainsKey("content") ? body["content"]?.GetValue<string>() : message.Content,
        Embeds = body["embeds"] is JsonArray embeds ? (JsonArray)embeds.DeepClone() : body.ContainsKey("embeds") ? [] : message.Embeds,
        AllowedMentions = body.ContainsKey("allowed_mentions") ? body["allowed_mentions"]?.DeepClone() : message.AllowedMentions,
        Flags = body["flags"]?.GetValue<int>() ?? message.Flags,
        EditedAt = now,
    };

    private ulong BotPermissions(FakeDiscordGuild guild, FakeDiscordChannel channel) =>
        FakeDiscordPermissions.Compute(guild, channel, Options.BotUserId, guild.BotRoleIds);

    private static string Snowflake(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
