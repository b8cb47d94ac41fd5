namespace ReleaseBot.Core.Health;

/// <summary>The answer of <c>/readyz</c>: ready, or the reasons it is not (one line each).</summary>
public sealed record Readiness(bool Ready, IReadOnlyList<string> Problems)
{
    public static Readiness Check(IReadOnlyList<string> problems) => new(problems.Count == 0, problems);
}
