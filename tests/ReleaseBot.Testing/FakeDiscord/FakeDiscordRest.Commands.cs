using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ReleaseBot.Testing.FakeTelegram;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// <c>PUT|GET /applications/{app}[/guilds/{guild}]/commands</c>: bulk overwrite validated by <see cref="FakeDiscordCommandRules"/>,
/// ids kept for unchanged names, new names counted against the daily create limit (30034).
/// </summary>
internal sealed partial class FakeDiscordRest
{
    private readonly Lock _commandGate = new();
    private readonly Dictionary<string, FakeSlidingWindow> _creates = [];

    private Func<JsonObject?, IQueryCollection, FakeDiscordReply>? Commands(string method, string app, ulong? guildId)
    {
        if (method == HttpMethods.Put)
        {
            return (body, _) => PutCommands(app, guildId, body);
        }

        return method == HttpMethods.Get ? (_, _) => GetCommands(app, guildId) : null;
    }

    private FakeDiscordReply? CommandScopeError(string app, ulong? guildId)
    {
        if (app != Snowflake(Options.ApplicationId))
        {
            return FakeDiscordReply.Error(403, 50001, "Missing Access");
        }

        return guildId is { } id && state.FindGuild(id) is null ? FakeDiscordReply.Error(403, 50001, "Missing Access") : null;
    }

    private FakeDiscordReply GetCommands(string app, ulong? guildId) =>
        CommandScopeError(app, guildId) ?? FakeDiscordReply.Ok(guildId is { } id ? state.GuildCommands(id) : state.GlobalCommands);

    private FakeDiscordReply PutCommands(string app, ulong? guildId, JsonObject? body)
    {
        if (CommandScopeError(app, guildId) is { } scopeError)
        {
            return scopeError;
        }

        if (body?["__array"] is not JsonArray commands)
        {
            return FakeDiscordReply.Invalid(FakeDiscordFormErrors.Single(string.Empty, "BASE_TYPE_ARRAY", "Must be an array."));
        }

        var errors = new FakeDiscordFormErrors();
        FakeDiscordCommandRules.Validate(commands, errors);
        if (errors.Any)
        {
            return FakeDiscordReply.Invalid(errors.Body());
        }

        var scope = guildId?.ToString(CultureInfo.InvariantCulture) ?? "global";
        var now = Time.GetUtcNow();
        lock (_commandGate)
        {
            var previous = state.PreviousCommands(scope) ?? [];
            var known = previous.OfType<JsonObject>().ToDictionary(Key, c => c["id"]!.GetValue<string>());
            var created = commands.OfType<JsonObject>().Count(c => !known.ContainsKey(Key(c)));
            if (!_creates.TryGetValue(scope, out var window))
            {
                _creates[scope] = window = new FakeSlidingWindow(new FakeRateRule(Options.DailyCommandCreates, TimeSpan.FromDays(1)));
            }

            if (window.UsageAt(now).Used + created > Options.DailyCommandCreates)
            {
                return FakeDiscordReply.Error(400, 30034, "Max number of daily application command creates has been reached (200)");
            }

            for (var i = 0; i < created; i++)
            {
                window.Add(now);
            }

            var version = Snowflake(state.NextSnowflake());
            var stored = new JsonArray();
            foreach (var command in commands.OfType<JsonObject>())
            {
                var echo = (JsonObject)command.DeepClone();
                echo["id"] = known.TryGetValue(Key(command), out var id) ? id : Snowflake(state.NextSnowflake());
                echo["application_id"] = Snowflake(Options.ApplicationId);
                echo["version"] = version;
                echo["type"] ??= 1;
                echo["default_member_permissions"] ??= null;
                echo["nsfw"] ??= false;
                if (guildId is not null)
                {
                    echo["guild_id"] = scope;
                }

                stored.Add(echo);
            }

            state.SetCommands(scope, stored);
            state.Changed();
            return FakeDiscordReply.Ok(stored.DeepClone());
        }
    }

    private static string Key(JsonObject command) =>
        $"{command["type"]?.GetValue<int>() ?? 1}:{command["name"]?.GetValue<string>()}";
}
