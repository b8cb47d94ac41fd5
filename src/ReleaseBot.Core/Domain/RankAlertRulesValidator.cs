using Microsoft.Extensions.Options;
using ReleaseBot.Core.Settings;

namespace ReleaseBot.Core.Domain;

/// <summary>Stops the start when a rank-move rule cannot work; <paramref name="section"/> is where the source binds them.</summary>
public sealed class RankAlertRulesValidator(string section) : IValidateOptions<RankAlertRules>
{
    public ValidateOptionsResult Validate(string? name, RankAlertRules options)
    {
        var errors = new SettingErrors(section);
        errors.InRange(options.EnteredTopRank, nameof(options.EnteredTopRank), 1, 1000);
        errors.InRange(options.ClimbPlaces, nameof(options.ClimbPlaces), 1, 1000);
        return errors.Result;
    }
}
