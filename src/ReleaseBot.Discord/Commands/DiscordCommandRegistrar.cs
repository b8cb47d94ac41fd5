using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Ports;
using ReleaseBot.Discord.Rest;

namespace ReleaseBot.Discord.Commands;

/// <summary>
/// Publishes the slash commands with one bulk overwrite, globally or in <see cref="DiscordOptions.GuildId"/>
/// (https://docs.discord.com/developers/interactions/application-commands#bulk-overwrite-global-application-commands).
/// Creates are limited to 200 a day, so the overwrite is skipped when the definitions' hash equals the one stored after
/// the last successful registration in the same place.
/// </summary>
public sealed partial class DiscordCommandRegistrar(
    DiscordRestClient rest,
    IStateStore state,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger)
{
    public async Task RegisterAsync(ulong applicationId, CancellationToken cancellationToken)
    {
        var definitions = DiscordSlashCommands.Build();
        var guildId = options.Value.GuildId is { } g && ulong.TryParse(g.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (ulong?)null;
        var scope = guildId is { } guild ? "guild " + guild.ToString(CultureInfo.InvariantCulture) : "global";
        var key = $"discord:commands:{applicationId.ToString(CultureInfo.InvariantCulture)}:{scope}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(definitions, DiscordJson.Options)));
        if (await state.GetStateAsync(key, cancellationToken) == hash)
        {
            Log.Unchanged(logger, definitions.Count, scope);
            return;
        }

        var route = guildId is { } target
            ? DiscordRoute.BulkOverwriteGuildCommands(applicationId, target)
            : DiscordRoute.BulkOverwriteGlobalCommands(applicationId);
        var response = await rest.SendAsync(route, definitions, cancellationToken);
        if (!response.IsSuccess)
        {
            Log.Failed(logger, scope, response.ToString());
            return;
        }

        await state.SetStateAsync(key, hash, CancellationToken.None);
        Log.Registered(logger, definitions.Count, scope);
    }

    private static partial class Log
    {
        [LoggerMessage(5740, LogLevel.Information, "Discord: registered {Count} slash commands ({Scope})")]
        public static partial void Registered(ILogger logger, int count, string scope);

        [LoggerMessage(5741, LogLevel.Debug, "Discord: the {Count} slash commands ({Scope}) are unchanged since the last registration")]
        public static partial void Unchanged(ILogger logger, int count, string scope);

        [LoggerMessage(5742, LogLevel.Error, "Discord: registering the slash commands ({Scope}) failed ({Response}); the previous ones stay")]
        public static partial void Failed(ILogger logger, string scope, string response);
    }
}
