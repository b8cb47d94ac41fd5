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

    /// <summary>True for <c>owner/name</c> with both parts non-blank and no spaces.</summary>
    public bool CheckRepoId(string field, string? repoId)
    {
        var parts = repoId?.Split('/');
        if (parts is [{ Length: > 0 } owner, { Length: > 0 } name] && !repoId!.Any(char.IsWhiteSpace)
            && owner.Trim().Length == owner.Length && name.Trim().Length == name.Length)
        {
            return true;
        }

        Add(field, repoId is null ? "missing" : $"'{repoId}' is not a repo id of the form owner/name");
        return false;
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
