using System.ComponentModel.DataAnnotations;

namespace ReleaseBot.LiteDb;

/// <summary>Settings of section <c>ReleaseBot</c> that the store reads.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "ReleaseBot";

    /// <summary>Path of the LiteDB file; its folder is created when missing.</summary>
    [Required]
    public string DataPath { get; set; } = "data/releasebot.db";
}
