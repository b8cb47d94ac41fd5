using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// INTERACTION_CREATE dispatches shaped like the samples (slash command in a guild channel with member and permissions,
/// autocomplete, DM). Each is registered with its dispatch time, from which the 3-second callback deadline runs.
/// </summary>
public sealed partial class FakeDiscordGateway
{
    public const ulong DefaultUserId = 53908232506183680;

    /// <summary>A slash command typed in <paramref name="channelId"/> by a member with <paramref name="memberPermissions"/>.</summary>
    public Task<FakeDiscordInteraction> DispatchSlashCommandAsync(
        ulong channelId, string name, IEnumerable<JsonObject>? options = null, ulong memberPermissions = FakeDiscordPermissions.All,
        ulong userId = DefaultUserId, CancellationToken cancellationToken = default) =>
        DispatchInteractionAsync(GuildInteraction(FakeDiscordInteraction.ApplicationCommand, channelId, name, options, memberPermissions, userId), cancellationToken);

    /// <summary>An autocomplete request: put one option with <c>focused: true</c> in <paramref name="options"/>.</summary>
    public Task<FakeDiscordInteraction> DispatchAutocompleteAsync(
        ulong channelId, string name, IEnumerable<JsonObject> options, ulong memberPermissions = FakeDiscordPermissions.All,
        ulong userId = DefaultUserId, CancellationToken cancellationToken = default) =>
        DispatchInteractionAsync(GuildInteraction(FakeDiscordInteraction.Autocomplete, channelId, name, options, memberPermissions, userId), cancellationToken);

    /// <summary>A slash command in the bot's DM with <paramref name="userId"/>: <c>user</c> instead of <c>member</c>, no guild.</summary>
    public Task<FakeDiscordInteraction> DispatchDirectMessageCommandAsync(
        ulong userId, string name, IEnumerable<JsonObject>? options = null, CancellationToken cancellationToken = default)
    {
        var channel = new FakeDiscordChannel(userId + 1, null, string.Empty, FakeDiscordChannel.Dm);
        _state.SetChannel(channel);
        var d = Common(FakeDiscordInteraction.ApplicationCommand, name, options);
        d["channel_id"] = FakeDiscordJson.Id(channel.Id);
        d["channel"] = new JsonObject { ["id"] = FakeDiscordJson.Id(channel.Id), ["type"] = 1, ["flags"] = 0 };
        d["user"] = User(userId);
        d["context"] = 1;
        d["app_permissions"] = FakeDiscordJson.Id(FakeDiscordPermissions.DefaultEveryone);
        d["authorizing_integration_owners"] = new JsonObject { ["1"] = FakeDiscordJson.Id(userId) };
        return DispatchInteractionAsync(d, cancellationToken);
    }

    /// <summary>Dispatches any interaction payload <c>d</c> (it needs <c>id</c>, <c>token</c>, <c>type</c>, <c>channel_id</c>).</summary>
    public async Task<FakeDiscordInteraction> DispatchInteractionAsync(JsonObject d, CancellationToken cancellationToken = default)
    {
        var interaction = new FakeDiscordInteraction(
            ulong.Parse(d["id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture),
            d["token"]!.ToString(),
            d["type"]!.GetValue<int>(),
            d["guild_id"] is { } guild ? ulong.Parse(guild.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null,
            ulong.Parse(d["channel_id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture),
            (JsonObject)d.DeepClone(),
            _state.Options.Time.GetUtcNow());
        _state.AddInteraction(interaction);
        await DispatchAsync("INTERACTION_CREATE", d, cancellationToken);
        return interaction;
    }

    private JsonObject GuildInteraction(int type, ulong channelId, string name, IEnumerable<JsonObject>? options, ulong memberPermissions, ulong userId)
    {
        if (_state.FindChannel(channelId) is not ({ } channel, { } guild))
        {
            throw new ArgumentException($"Channel {channelId} is not in a guild of the fake.", nameof(channelId));
        }

        var botPermissions = FakeDiscordPermissions.Compute(guild, channel, _state.Options.BotUserId, guild.BotRoleIds);
        var d = Common(type, name, options);
        var guildId = FakeDiscordJson.Id(guild.Id);
        d["guild_id"] = guildId;
        d["guild"] = new JsonObject { ["id"] = guildId, ["locale"] = "en-US", ["features"] = new JsonArray() };
        d["guild_locale"] = "en-US";
        d["channel_id"] = FakeDiscordJson.Id(channel.Id);
        d["channel"] = PartialChannel(channel, memberPermissions, botPermissions);
        d["member"] = new JsonObject
        {
            ["user"] = User(userId),
            ["roles"] = new JsonArray(),
            ["permissions"] = FakeDiscordJson.Id(memberPermissions),
            ["joined_at"] = "2022-08-24T12:37:21.252000+00:00",
            ["nick"] = null,
            ["pending"] = false,
            ["deaf"] = false,
            ["mute"] = false,
            ["flags"] = 0,
        };
        d["app_permissions"] = FakeDiscordJson.Id(botPermissions);
        d["context"] = 0;
        d["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId };
        Resolve(d["data"]!.AsObject(), guild, memberPermissions);
        return d;
    }

    private JsonObject Common(int type, string name, IEnumerable<JsonObject>? options)
    {
        var data = new JsonObject { ["id"] = CommandId(name), ["name"] = name, ["type"] = 1 };
        if (options?.ToArray() is { Length: > 0 } given)
        {
            data["options"] = new JsonArray([.. given.Select(o => o.DeepClone())]);
        }

        return new JsonObject
        {
            ["id"] = FakeDiscordJson.Id(_state.NextSnowflake()),
            ["application_id"] = FakeDiscordJson.Id(_state.Options.ApplicationId),
            ["type"] = type,
            ["data"] = data,
            ["token"] = "aW50ZXJhY3Rpb24" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            ["version"] = 1,
            ["locale"] = "en-US",
            ["entitlements"] = new JsonArray(),
            ["attachment_size_limit"] = 26214400,
        };
    }

    /// <summary>The registered command's id when the bot registered <paramref name="name"/>, else a fresh snowflake.</summary>
    private string CommandId(string name) =>
        _state.GlobalCommands.Concat(_state.Guilds.SelectMany(g => _state.GuildCommands(g.Id)))
            .OfType<JsonObject>().FirstOrDefault(c => c["name"]?.ToString() == name)?["id"]?.ToString()
        ?? FakeDiscordJson.Id(_state.NextSnowflake());

    /// <summary>Channel options get <c>data.resolved.channels[id]</c> with the member's and the bot's permissions there.</summary>
    private void Resolve(JsonObject data, FakeDiscordGuild guild, ulong memberPermissions)
    {
        var channels = new JsonObject();
        foreach (var option in Flatten(data["options"] as JsonArray).Where(o => o["type"]?.GetValue<int>() == 7))
        {
            var id = option["value"]!.ToString();
            if (guild.Channels.FirstOrDefault(c => FakeDiscordJson.Id(c.Id) == id) is { } channel)
            {
                var bot = FakeDiscordPermissions.Compute(guild, channel, _state.Options.BotUserId, guild.BotRoleIds);
                channels[id] = PartialChannel(channel, memberPermissions, bot);
            }
        }

        if (channels.Count > 0)
        {
            data["resolved"] = new JsonObject { ["channels"] = channels };
        }
    }

    private static IEnumerable<JsonObject> Flatten(JsonArray? options) =>
        options?.OfType<JsonObject>().SelectMany(o => Flatten(o["options"] as JsonArray).Prepend(o)) ?? [];

    private static JsonObject PartialChannel(FakeDiscordChannel channel, ulong memberPermissions, ulong botPermissions)
    {
        var json = new JsonObject
        {
            ["id"] = FakeDiscordJson.Id(channel.Id),
            ["name"] = channel.Name,
            ["type"] = channel.Type,
            ["permissions"] = FakeDiscordJson.Id(memberPermissions),
            ["app_permissions"] = FakeDiscordJson.Id(botPermissions),
            ["parent_id"] = channel.ParentId is { } parent ? FakeDiscordJson.Id(parent) : null,
            ["nsfw"] = false,
            ["flags"] = 0,
            ["position"] = channel.Position,
        };
        if (channel.GuildId is { } guildId)
        {
            json["guild_id"] = FakeDiscordJson.Id(guildId);
        }

        return json;
    }

    private static JsonObject User(ulong userId) => new()
    {
        ["id"] = FakeDiscordJson.Id(userId),
        ["username"] = "mason",
        ["global_name"] = "Mason",
        ["discriminator"] = "0",
        ["avatar"] = null,
        ["public_flags"] = 0,
    };
}
