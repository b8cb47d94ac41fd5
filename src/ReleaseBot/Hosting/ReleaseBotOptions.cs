using System.ComponentModel.DataAnnotations;

namespace ReleaseBot.Hosting;

/// <summary>The root section <c>ReleaseBot</c>.</summary>
public sealed class ReleaseBotOptions
{
    public const string Section = "ReleaseBot";

    /// <summary>The LiteDB file; relative paths are relative to the working directory.</summary>
    [Required(ErrorMessage = "ReleaseBot:DataPath must name the LiteDB file, e.g. data/releasebot.db.")]
    public string DataPath { get; set; } = "data/releasebot.db";
}
