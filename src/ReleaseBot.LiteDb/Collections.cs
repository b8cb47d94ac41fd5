namespace ReleaseBot.LiteDb;

/// <summary>The collection names of the store file.</summary>
internal static class Collections
{
    public const string Vendors = "vendors";
    public const string Releases = "releases";
    /// <summary>Ids of releases stored but not yet announced (the gap between storing and planning a crash may fall in).</summary>
    public const string ToAnnounce = "to_announce";
    /// <summary>Hub webhook notices answered but not yet ingested (see <c>RepoNotice</c>).</summary>
    public const string ToIngest = "to_ingest";
    public const string RankSnapshots = "rank_snapshots";
    public const string Subscriptions = "subscriptions";
    public const string Deliveries = "deliveries";
    /// <summary>Each event once; delivery rows refer to it by id (schema v3).</summary>
    public const string Events = "events";
    /// <summary>Events whose delivery rows are still being written (see <c>FanOut</c>); none once a fan-out closes.</summary>
    public const string FanOuts = "fan_outs";
    public const string DigestLog = "digest_log";
    public const string Watches = "watches";
    public const string State = "state";

    /// <summary>Every collection: each is created when the file is opened (schema v7), none by a first write.</summary>
    public static readonly string[] All =
        [Vendors, Releases, ToAnnounce, ToIngest, RankSnapshots, Subscriptions, Deliveries, Events, FanOuts, DigestLog, Watches, State];
}
