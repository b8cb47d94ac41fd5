using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// Reads a seed release's <c>status</c>, <c>statusHistory</c> and <c>caveats</c>: what the file says about
/// how far its facts hold. The history's last step is the current status; dated steps go forward in time.
/// </summary>
internal static class SeedStatusReader
{
    public static bool TryRead(SeedReleaseDto dto, string at, SeedErrors errors, out ReleaseStatus status, out IReadOnlyList<StatusChange> history)
    {
        status = ReleaseStatus.Released;
        history = [];
        var ok = dto.Status is null || errors.TryParseEnum($"{at}.status", dto.Status, out status);
        if (dto.StatusHistory is not { Count: > 0 } steps)
        {
            return ok;
        }

        var read = new List<StatusChange>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var field = $"{at}.statusHistory[{i}]";
            if (steps[i]?.Status is not { } name)
            {
                errors.Add($"{field}.status", "missing");
                ok = false;
            }
            else if (errors.TryParseEnum($"{field}.status", name, out ReleaseStatus step))
            {
                ok &= CheckOrder(read, steps[i]!.On, field, errors);
                read.Add(new StatusChange(step, steps[i]!.On));
            }
            else
            {
                ok = false;
            }
        }

        if (ok && dto.Status is not null && read[^1].Status != status)
        {
            errors.Add($"{at}.status", $"'{dto.Status}' is not the last step of statusHistory ('{read[^1].Status}')");
            ok = false;
        }

        status = ok ? read[^1].Status : status;
        history = read;
        return ok;
    }

    public static bool TryReadCaveats(SeedReleaseDto dto, string at, SeedErrors errors, out IReadOnlyList<ReleaseCaveat> caveats)
    {
        var names = errors.Names($"{at}.caveats", dto.Caveats);
        var read = new List<ReleaseCaveat>(names.Count);
        var ok = true;
        for (var i = 0; i < names.Count; i++)
        {
            if (errors.TryParseEnum($"{at}.caveats[{i}]", names[i], out ReleaseCaveat caveat))
            {
                read.Add(caveat);
            }
            else
            {
                ok = false;
            }
        }

        caveats = [.. read.Distinct()];
        return ok;
    }

    private static bool CheckOrder(List<StatusChange> earlier, DateTimeOffset? on, string field, SeedErrors errors)
    {
        if (on is { } date && earlier.LastOrDefault(s => s.On is not null)?.On is { } before && date < before)
        {
            errors.Add($"{field}.on", "is earlier than the step before it");
            return false;
        }

        return true;
    }
}
