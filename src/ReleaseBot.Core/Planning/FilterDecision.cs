namespace ReleaseBot.Core.Planning;

/// <summary>
/// Whether a subscription takes an event, and why: <see cref="Check"/> names the check that
/// decided (None when accepted), <see cref="Reason"/> says it in one English sentence.
/// </summary>
public sealed record FilterDecision(bool Accepted, FilterCheck Check, string Reason)
{
    public static FilterDecision Accept(string reason) => new(true, FilterCheck.None, reason);

    public static FilterDecision Reject(FilterCheck check, string reason) => new(false, check, reason);
}
