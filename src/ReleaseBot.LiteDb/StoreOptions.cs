namespace ReleaseBot.LiteDb;

/// <summary>Settings of section <c>ReleaseBot</c> that the store reads.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "ReleaseBot";

    /// <summary>Path of the LiteDB file, absolute or relative to the content root; its folder is created when missing.</summary>
    public string DataPath { get; set; } = "data/releasebot.db";
}
