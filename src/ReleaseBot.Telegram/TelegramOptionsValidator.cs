using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Telegram;

/// <summary>Stops the start with a message naming the setting, never echoing the token.</summary>
public sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var errors = new SettingErrors(TelegramOptions.Section);
        var token = options.Token ?? string.Empty;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        errors.Check(colon is >= 1 and <= 16 && long.TryParse(token.AsSpan(0, colon), out _) && colon < token.Length - 1,
            nameof(options.Token), "must look like <bot id>:<secret> as given by @BotFather");
        errors.AbsoluteHttpUrl(options.ApiBaseUrl, nameof(options.ApiBaseUrl));
        if (options.Mode == TelegramMode.Webhook)
        {
            errors.Check(Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) && webhook.Scheme == "https",
                nameof(options.WebhookUrl), "must be an absolute https URL in webhook mode");
            errors.Required(options.WebhookSecret, nameof(options.WebhookSecret));
        }

        errors.Check(options.WebhookSecret is null or "" || SecretToken().IsMatch(options.WebhookSecret),
            nameof(options.WebhookSecret), "must be 1-256 of A-Z a-z 0-9 _ -");
        errors.InRange(options.LongPollTimeout, nameof(options.LongPollTimeout), TimeSpan.Zero, TimeSpan.FromSeconds(50));
        errors.InRange(options.MaxConcurrentUpdates, nameof(options.MaxConcurrentUpdates), 1, 10_000);
        errors.Positive(options.PerChatInterval, nameof(options.PerChatInterval));
        errors.Positive(options.GroupWindow, nameof(options.GroupWindow));
        errors.InRange(options.GroupMessagesPerWindow, nameof(options.GroupMessagesPerWindow), 1, 10_000);
        errors.InRange(options.GlobalMessagesPerSecond, nameof(options.GlobalMessagesPerSecond), 0, 100_000);
        errors.InRange(options.GlobalHardLimitPerSecond, nameof(options.GlobalHardLimitPerSecond), 1, 100_000);
        return errors.Result;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
