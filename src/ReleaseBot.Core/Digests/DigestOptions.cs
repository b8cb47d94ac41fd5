using System.ComponentModel.DataAnnotations;

namespace ReleaseBot.Core.Digests;

/// <summary>Settings of the daily digest (section <c>ReleaseBot:Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "ReleaseBot:Digest";

    /// <summary>How often the scheduler looks for due digests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Tick { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How late a digest may still go out (after downtime); older ones are skipped.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(6);

    public DigestEmptyDay EmptyDay { get; set; } = DigestEmptyDay.Note;

    /// <summary>Digest time of new subscriptions, in their own zone.</summary>
    public TimeOnly DefaultTime { get; set; } = new(9, 0);
}
