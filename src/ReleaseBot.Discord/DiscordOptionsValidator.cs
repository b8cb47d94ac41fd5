using System.Globalization;
using Microsoft.Extensions.Options;

namespace ReleaseBot.Discord;

/// <summary>Stops the start with a message naming the setting, never echoing the token or key.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        const string S = DiscordOptions.Section;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || options.Token.Any(char.IsWhiteSpace))
        {
            failures.Add($"{S}:Token must be the bot token from the Developer Portal (Bot page), without spaces or a 'Bot ' prefix.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            failures.Add($"{S}:ApiBaseUrl must be an absolute http(s) URL such as https://discord.com/api/v10.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || gateway.Scheme is not ("ws" or "wss")))
        {
            failures.Add($"{S}:GatewayUrl must be empty (ask Discord) or an absolute ws(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicKey)
            && (options.PublicKey.Trim().Length != 64 || !options.PublicKey.Trim().All(char.IsAsciiHexDigit)))
        {
            failures.Add($"{S}:PublicKey must be the application's public key: 64 hex digits (General Information page).");
        }

        if (!string.IsNullOrWhiteSpace(options.GuildId) && !ulong.TryParse(options.GuildId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            failures.Add($"{S}:GuildId must be empty (global commands) or a server id (digits; Developer Mode → Copy Server ID).");
        }

        if (!string.IsNullOrWhiteSpace(options.InteractionsEndpoint))
        {
            if (!options.InteractionsEndpoint.StartsWith('/') || options.InteractionsEndpoint.Any(char.IsWhiteSpace))
            {
                failures.Add($"{S}:InteractionsEndpoint must be a path such as /discord/interactions, or empty to switch it off.");
            }

            if (string.IsNullOrWhiteSpace(options.PublicKey))
            {
                failures.Add($"{S}:PublicKey must be set when {S}:InteractionsEndpoint is: requests are verified with it (General Information page).");
            }
        }

        var durations = new (string Name, TimeSpan Value)[]
        {
            (nameof(options.RequestTimeout), options.RequestTimeout),
            (nameof(options.InvalidRequestWindow), options.InvalidRequestWindow),
            (nameof(options.ReconnectDelayMin), options.ReconnectDelayMin),
            (nameof(options.ReconnectDelayMax), options.ReconnectDelayMax),
            (nameof(options.MinStableConnection), options.MinStableConnection),
            (nameof(options.IdentifyRetryDelayMin), options.IdentifyRetryDelayMin),
            (nameof(options.IdentifyWindow), options.IdentifyWindow),
            (nameof(options.InvalidSessionDelayMin), options.InvalidSessionDelayMin),
            (nameof(options.SignatureMaxAge), options.SignatureMaxAge),
            (nameof(options.DeferAfter), options.DeferAfter),
        };
        failures.AddRange(durations.Where(d => d.Value <= TimeSpan.Zero).Select(d => $"{S}:{d.Name} must be positive."));
        if (options.RateLimitMaxWait < TimeSpan.Zero)
        {
            failures.Add($"{S}:RateLimitMaxWait must not be negative.");
        }

        if (options.DeferAfter >= TimeSpan.FromSeconds(2.5))
        {
            failures.Add($"{S}:DeferAfter must be under 2.5 seconds: Discord drops an interaction not answered within 3 seconds.");
        }

        if (options.MaxConcurrentInteractions is < 1 or > 10_000)
        {
            failures.Add($"{S}:MaxConcurrentInteractions must be between 1 and 10000.");
        }

        if (options.InvalidSessionDelayMax < options.InvalidSessionDelayMin || options.ReconnectDelayMax < options.ReconnectDelayMin)
        {
            failures.Add($"{S}: each ...Max delay must be at least its ...Min.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
