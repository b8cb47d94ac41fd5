using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.HuggingFace;

/// <summary>Stops the start with a message naming the setting when the Hub settings cannot work; never echoes the token.</summary>
public sealed class HuggingFaceOptionsValidator : IValidateOptions<HuggingFaceOptions>
{
    public ValidateOptionsResult Validate(string? name, HuggingFaceOptions options)
    {
        var errors = new SettingErrors(HuggingFaceOptions.Section);
        errors.Check(options.BaseUrl.IsAbsoluteUri, nameof(options.BaseUrl), "must be an absolute URL");
        errors.Positive(options.PollInterval, nameof(options.PollInterval));
        errors.Positive(options.TrendingInterval, nameof(options.TrendingInterval));
        errors.Positive(options.RequestTimeout, nameof(options.RequestTimeout));
        errors.InRange(options.TrendingTop, nameof(options.TrendingTop), 1, 1000);
        errors.InRange(options.PageSize, nameof(options.PageSize), 1, 1000);
        errors.InRange(options.MaxPages, nameof(options.MaxPages), 1, 1000);
        errors.Check(options.QuotaShare is > 0 and <= 1, nameof(options.QuotaShare), "must be in (0, 1]");
        errors.InRange(options.MaxResponseBytes, nameof(options.MaxResponseBytes), 1024, 256 * 1024 * 1024);
        errors.InRange(options.MaxRetries, nameof(options.MaxRetries), 0, 100);
        errors.Check(!options.Webhook.Enabled || !string.IsNullOrEmpty(options.Webhook.Secret), "Webhook:Secret", "is required when the webhook is enabled");
        errors.Check(options.Webhook.Path.StartsWith('/'), "Webhook:Path", "must start with /");
        errors.Check(options.Webhook.RetryAfter >= TimeSpan.FromMilliseconds(100) && options.Webhook.RetryAfter <= TimeSpan.FromHours(1),
            "Webhook:RetryAfter", "must be between 00:00:00.1 and 01:00:00");
        return errors.Result;
    }
}
