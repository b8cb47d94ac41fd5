using Microsoft.Extensions.Options;

namespace ReleaseBot.HuggingFace;

/// <summary>Stops the start with a message naming the setting when the Hub settings cannot work.</summary>
public sealed class HuggingFaceOptionsValidator : IValidateOptions<HuggingFaceOptions>
{
    public ValidateOptionsResult Validate(string? name, HuggingFaceOptions options)
    {
        var errors = new List<string>();
        if (!options.BaseUrl.IsAbsoluteUri)
        {
            errors.Add($"{HuggingFaceOptions.Section}:BaseUrl must be an absolute URL.");
        }

        Positive(options.PollInterval, nameof(options.PollInterval), errors);
        Positive(options.TrendingInterval, nameof(options.TrendingInterval), errors);
        Positive(options.RequestTimeout, nameof(options.RequestTimeout), errors);
        if (options.TrendingTop is < 1 or > 1000)
        {
            errors.Add($"{HuggingFaceOptions.Section}:TrendingTop must be between 1 and 1000.");
        }

        if (options.PageSize is < 1 or > 1000 || options.MaxPages < 1)
        {
            errors.Add($"{HuggingFaceOptions.Section}:PageSize must be 1..1000 and MaxPages at least 1.");
        }

        if (options.QuotaShare is <= 0 or > 1)
        {
            errors.Add($"{HuggingFaceOptions.Section}:QuotaShare must be in (0, 1].");
        }

        if (options.BackfillCount < 0 || options.MaxRetries < 0)
        {
            errors.Add($"{HuggingFaceOptions.Section}:BackfillCount and MaxRetries cannot be negative.");
        }

        if (options.Webhook.Enabled && string.IsNullOrEmpty(options.Webhook.Secret))
        {
            errors.Add($"{HuggingFaceOptions.Section}:Webhook:Secret is required when the webhook is enabled.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Positive(TimeSpan value, string name, List<string> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{HuggingFaceOptions.Section}:{name} must be positive.");
        }
    }
}
