using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>Records with every field set to a non-default value, offsets and sub-millisecond ticks included.</summary>
internal static class StoreSamples
{
    /// <summary>An instant with a +08:00 offset and ticks below the millisecond.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 7, 28, 20, 15, 30, TimeSpan.FromHours(8)).AddTicks(1_234_567);

    public static Vendor Vendor(string id = "alibaba") => new()
    {
        Id = id,
        NameEn = "Alibaba Qwen",
        NameZh = "阿里巴巴 通义千问",
        Country = "CN",
        HfOrgs = ["Qwen", "Alibaba-NLP"],
        LegacyOrgs = ["qwen-legacy"],
        Families = ["Qwen3", "Qwen3-Coder"],
        Aliases = ["qwen", "阿里"],
        ShortName = "Alibaba",
    };

    public static Release Release(string repoId = "Qwen/Qwen3-235B-A22B-Instruct-2507", DateTimeOffset? detectedAt = null) => new()
    {
        Id = RepoId.Parse(repoId).ReleaseId,
        RepoId = RepoId.Parse(repoId),
        VendorId = "alibaba",
        BaseVendorId = "alibaba-base",
        Family = "Qwen3",
        Title = "Qwen3 235B A22B Instruct 2507",
        CreatedAt = T0.AddDays(-3),
        DetectedAt = detectedAt ?? T0,
        PublishedAt = new DateTimeOffset(2025, 7, 21, 0, 0, 0, TimeSpan.FromHours(-7)).AddTicks(9),
        Modality = Modality.Vision,
        PipelineTag = "image-text-to-text",
        TotalParams = 235_000_000_000,
        ActiveParams = 22_000_000_000,
        TotalParamsEstimated = false,
        ActiveParamsEstimated = true,
        Licence = "apache-2.0",
        Gated = true,
        HasModelCard = false,
        Official = false,
        BaseModel = "Qwen/Qwen3-235B-A22B",
        Status = ReleaseStatus.Announced,
        StatusHistory = [new StatusChange(ReleaseStatus.Released, null), new StatusChange(ReleaseStatus.Announced, T0.AddDays(-1).ToOffset(TimeSpan.FromHours(8)))],
        FoundBy = DiscoveryPath.Trending,
        FormerRepoIds = [RepoId.Parse("Qwen/Qwen3-Old"), RepoId.Parse("OldOwner/qwen3-older")],
        Enriched = true,
        Notes = "note ✓",
        Caveats = [ReleaseCaveat.ResearchOnlyTerms, ReleaseCaveat.LicenceFromCatalogue],
    };

    public static RankSnapshot Snapshot(string id = "trending:2025-07-30", DateTimeOffset? takenAt = null) => new()
    {
        Id = id,
        TakenAt = takenAt ?? T0,
        Size = 10,
        Entries = [new RankEntry(1, RepoId.Parse("Qwen/Qwen3-Coder"), 1234.5, "hot"), new RankEntry(3, null, null, "repo not stated", "alibaba", "Wan2.2"), new RankEntry(4, RepoId.Parse("zai-org/GLM-4.5"), null, "n")],
        Source = "seed",
        Note = "from the article",
    };

    public static Subscription Subscription(string id = "sub-1", string chatId = "-1001234") => new()
    {
        Id = id,
        Chat = new ChatAddress(Platform.Discord, chatId, "thread-9"),
        ChatTitle = "Models 模型",
        Filter = new SubscriptionFilter
        {
            Vendors = ["alibaba", "zhipu"],
            Modalities = [Modality.Text, Modality.ThreeD],
            MinParams = 7_000_000_000,
            OfficialOnly = false,
            RankAlerts = false,
        },
        Mode = DeliveryMode.Both,
        DigestTime = new TimeOnly(7, 45, 12, 345, 678),
        TimeZone = "Asia/Shanghai",
        Language = Language.Zh,
        CreatedBy = "user:42",
        CreatedAt = T0,
        Active = false,
        PausedReason = "bot removed",
        PausedAt = T0.AddMinutes(5).ToOffset(TimeSpan.FromHours(-3)),
    };

    public static BotEvent RankEvent() => BotEvent.RankChanged(
        new RankMove(RepoId.Parse("Qwen/Qwen3-Coder"), RankMoveKind.Climbed, 5, 2, T0.AddHours(1)));

    public static BotEvent DigestEvent() => new()
    {
        Id = "digest:sub-1:2025-07-30",
        Kind = EventKind.Digest,
        OccurredAt = T0,
        ReleaseId = "hf:x/y",
        WatchPattern = "qwen/*",
        WatchSubscriptionId = "sub-9",
        DigestDate = new DateOnly(2025, 7, 30),
        CoversFrom = T0.AddDays(-1),
        CoversTo = T0.ToUniversalTime(),
    };

    public static Delivery Delivery(BotEvent? e = null, string subscriptionId = "sub-1", Platform platform = Platform.Telegram,
        DateTimeOffset? nextAttemptAt = null, DeliveryState state = DeliveryState.Pending)
    {
        var ev = e ?? RankEvent();
        return new Delivery
        {
            Id = ReleaseBot.Core.Domain.Delivery.KeyFor(subscriptionId, ev.Id),
            SubscriptionId = subscriptionId,
            Platform = platform,
            Event = ev,
            State = state,
            Attempts = 3,
            CreatedAt = T0,
            NextAttemptAt = nextAttemptAt ?? T0.AddSeconds(30),
            SentAt = T0.AddSeconds(31),
            PlatformMessageIds = ["111", "112"],
            LastError = "429 retry_after 3",
        };
    }

    public static DigestRecord Digest(string subscriptionId = "sub-1", DateOnly? date = null)
    {
        var day = date ?? new DateOnly(2025, 7, 30);
        return new DigestRecord
        {
            Id = DigestRecord.KeyFor(subscriptionId, day),
            SubscriptionId = subscriptionId,
            LocalDate = day,
            CoversFrom = T0.AddDays(-1),
            CoversTo = T0,
            PlannedAt = T0.AddTicks(1),
        };
    }

    public static WatchPattern Watch(string subscriptionId = "sub-1", string pattern = "StepFun-AI/step3*") => new()
    {
        Id = WatchPattern.KeyFor(subscriptionId, pattern),
        SubscriptionId = subscriptionId,
        Pattern = pattern,
        CreatedAt = T0,
    };
}
