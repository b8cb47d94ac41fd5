namespace ReleaseBot.Core.Digests;

/// <summary>Settings of the daily digest (section <c>ReleaseBot:Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "ReleaseBot:Digest";

    /// <summary>How often the scheduler looks for due digests.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How late a digest may still go out (after downtime); older ones are skipped.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(6);

    public DigestEmptyDay EmptyDay { get; set; } = DigestEmptyDay.Note;

    /// <summary>Digest time of new subscriptions, in their own zone.</summary>
    public TimeOnly DefaultTime { get; set; } = new(9, 0);
}
