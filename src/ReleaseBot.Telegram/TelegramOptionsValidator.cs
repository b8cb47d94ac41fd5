using Microsoft.Extensions.Options;

namespace ReleaseBot.Telegram;

/// <summary>Stops the start with a message naming the setting, never echoing the token.</summary>
public sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        var token = options.Token ?? string.Empty;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 16 || !long.TryParse(token.AsSpan(0, colon), out _) || colon == token.Length - 1)
        {
            failures.Add($"{TelegramOptions.Section}:Token must look like <bot id>:<secret> as given by @BotFather.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"{TelegramOptions.Section}:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var webhook) || webhook.Scheme != "https")
            {
                failures.Add($"{TelegramOptions.Section}:WebhookUrl must be an absolute https URL in webhook mode.");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret))
            {
                failures.Add($"{TelegramOptions.Section}:WebhookSecret is required in webhook mode.");
            }
        }

        if (options.PerChatInterval <= TimeSpan.Zero || options.GroupWindow <= TimeSpan.Zero)
        {
            failures.Add($"{TelegramOptions.Section}:PerChatInterval and GroupWindow must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
