namespace ReleaseBot.Seed;

/// <summary>Section <c>ReleaseBot:Seed</c>: where the bundled vendor catalogue and release history are.</summary>
public sealed class SeedOptions
{
    public const string Section = "ReleaseBot:Seed";

    /// <summary>False skips the import (e.g. a store that is filled another way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Absolute, or relative to the app's folder (then the current directory).</summary>
    public string VendorsPath { get; set; } = Path.Combine("config", "vendors.json");

    /// <summary>Absolute, or relative to the app's folder (then the current directory).</summary>
    public string ReleasesPath { get; set; } = Path.Combine("config", "releases.seed.json");
}
