namespace ReleaseBot.LiteDb.Documents;

/// <summary>
/// Field names of a stored release since schema v4. LiteDB writes every field name into every document, so the
/// names are short: with the long names of v1–v3 (kept here as <c>Old*</c> where reading needs them) a release
/// took 1.9 KB of file. Unknown (null), false estimate flags and empty lists are not written at all.
/// </summary>
internal static class ReleaseFields
{
    public const string RepoId = "r";
    public const string VendorId = "v";
    public const string BaseVendorId = "bv";
    public const string Family = "f";
    public const string Title = "t";
    public const string CreatedAt = "ca";
    public const string DetectedAt = "da";
    public const string PublishedAt = "pa";
    public const string Modality = "m";
    public const string PipelineTag = "pt";
    public const string TotalParams = "tp";
    public const string ActiveParams = "ap";
    public const string TotalParamsEstimated = "te";
    public const string ActiveParamsEstimated = "ae";
    public const string Licence = "l";
    public const string Gated = "g";
    public const string HasModelCard = "mc";
    public const string Official = "o";
    public const string BaseModel = "bm";
    public const string Status = "s";
    public const string StatusHistory = "sh";
    public const string StatusOn = "on";
    public const string FoundBy = "fb";
    public const string FormerRepoIds = "fr";
    public const string Enriched = "e";
    public const string Notes = "n";
    public const string Caveats = "cv";

    /// <summary>The long name a v1–v3 file used for <paramref name="field"/>.</summary>
    public static string Old(string field) => field switch
    {
        RepoId => "RepoId",
        VendorId => "VendorId",
        BaseVendorId => "BaseVendorId",
        Family => "Family",
        Title => "Title",
        CreatedAt => "CreatedAt",
        DetectedAt => "DetectedAt",
        PublishedAt => "PublishedAt",
        Modality => "Modality",
        PipelineTag => "PipelineTag",
        TotalParams => "TotalParams",
        ActiveParams => "ActiveParams",
        TotalParamsEstimated => "TotalParamsEstimated",
        ActiveParamsEstimated => "ActiveParamsEstimated",
        Licence => "Licence",
        Gated => "Gated",
        HasModelCard => "HasModelCard",
        Official => "Official",
        BaseModel => "BaseModel",
        Status => "Status",
        StatusHistory => "StatusHistory",
        StatusOn => "On",
        FoundBy => "FoundBy",
        FormerRepoIds => "FormerRepoIds",
        Enriched => "Enriched",
        Notes => "Notes",
        Caveats => "Caveats",
        _ => field,
    };
}
