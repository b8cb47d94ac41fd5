using System.Globalization;
using Microsoft.Extensions.Options;

namespace ReleaseBot.Core.Settings;

/// <summary>
/// The failures of one options section, each a sentence that starts with the full setting key
/// (<c>ReleaseBot:Dispatch:MaxConcurrency must be between 1 and 1024.</c>), so the one line the host prints on a
/// bad start names the setting to fix. Every <see cref="IValidateOptions{TOptions}"/> class of ReleaseBot uses it.
/// Options are validated by such classes only, never by DataAnnotations attributes: several rules span settings (a
/// secret is required when its webhook is on; two listen URLs must agree), attributes cannot say those, and two
/// styles side by side left some rules in attributes and their neighbours in a class.
/// </summary>
public sealed class SettingErrors(string section)
{
    private readonly List<string> _failures = [];

    public void Check(bool valid, string key, string rule)
    {
        if (!valid)
        {
            _failures.Add($"{section}:{key} {rule}.");
        }
    }

    public void InRange(int value, string key, int min, int max) =>
        Check(value >= min && value <= max, key, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));

    public void InRange(double value, string key, double min, double max) =>
        Check(value >= min && value <= max, key, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}"));

    public void InRange(TimeSpan value, string key, TimeSpan min, TimeSpan max) =>
        Check(value >= min && value <= max, key, string.Create(CultureInfo.InvariantCulture, $"must be between {min:c} and {max:c}"));

    public void Positive(TimeSpan value, string key) => Check(value > TimeSpan.Zero, key, "must be positive");

    public void Required(string? value, string key) => Check(!string.IsNullOrWhiteSpace(value), key, "is required");

    public void AbsoluteHttpUrl(string? value, string key) =>
        Check(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", key, "must be an absolute http(s) URL");

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);
}
