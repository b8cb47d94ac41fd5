using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Seed;

/// <summary>Collects every problem of one file so a maintainer fixes them in one go.</summary>
internal sealed class SeedErrors(string file)
{
    private readonly List<string> _errors = [];

    public void Add(string field, string problem) => _errors.Add($"{field}: {problem}");

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new SeedFormatException(file, _errors.ToArray());
        }
    }

    /// <summary>Parses an enum by name only (case-insensitive); numbers are refused.</summary>
    public bool TryParseEnum<T>(string field, string value, out T result)
        where T : struct, Enum
    {
        if (!char.IsDigit(value.FirstOrDefault()) && Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result))
        {
            return true;
        }

        Add(field, $"'{value}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
        result = default;
        return false;
    }

    /// <summary>The repo id, or null with the reason reported (<see cref="RepoId.TryParse(string?, out RepoId?, out string)"/>).</summary>
    public RepoId? RepoId(string field, string? text)
    {
        if (Domain.RepoId.TryParse(text, out var repoId, out var problem))
        {
            return repoId;
        }

        Add(field, text is null ? "missing" : $"'{text}' is not a repo id: {problem}");
        return null;
    }

    /// <summary>Copies a list of names, reporting null or blank items.</summary>
    public IReadOnlyList<string> Names(string field, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return [];
        }

        var result = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]))
            {
                Add($"{field}[{i}]", "empty");
            }
            else
            {
                result.Add(values[i].Trim());
            }
        }

        return result;
    }
}
