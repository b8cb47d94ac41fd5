using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Web;

public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var errors = new SettingErrors(WebOptions.Section);
        if (!string.IsNullOrWhiteSpace(options.ListenUrl))
        {
            errors.AbsoluteHttpUrl(options.ListenUrl, nameof(options.ListenUrl));
            return errors.Result;
        }

        var former = options.FormerListenUrls;
        errors.Check(former.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count() <= 1, nameof(options.ListenUrl),
            $"must be set: {string.Join(" and ", former.Keys)} differ, and the webhooks share one listener");
        errors.AbsoluteHttpUrl(options.EffectiveListenUrl, former.Keys.FirstOrDefault() is { } key ? $"ListenUrl (from {key})" : nameof(options.ListenUrl));
        return errors.Result;
    }
}
