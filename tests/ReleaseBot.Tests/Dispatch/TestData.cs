using ReleaseBot.Core.Domain;

namespace ReleaseBot.Tests.Dispatch;

/// <summary>Small builders for subscriptions, releases and events used by the delivery tests.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Start = new(2025, 7, 30, 8, 0, 0, TimeSpan.Zero);

    public static Subscription Subscription(
        string id,
        SubscriptionFilter? filter = null,
        DeliveryMode mode = DeliveryMode.Instant,
        Platform platform = Platform.Telegram,
        string? chatId = null) => new()
    {
        Id = id,
        Chat = new ChatAddress(platform, chatId ?? $"chat-{id}"),
        Filter = filter ?? SubscriptionFilter.All,
        Mode = mode,
        CreatedAt = Start.AddDays(-30),
        DigestTime = new TimeOnly(9, 0),
    };

    public static Release Release(
        string repoId,
        string? vendor = "alibaba",
        Modality modality = Modality.Text,
        long? totalParams = 235_000_000_000,
        bool official = true,
        string? baseVendor = null,
        DateTimeOffset? detectedAt = null) => new()
    {
        Id = RepoId.Parse(repoId).ReleaseId,
        RepoId = RepoId.Parse(repoId),
        VendorId = vendor,
        BaseVendorId = baseVendor,
        Title = repoId.Split('/')[1],
        DetectedAt = detectedAt ?? Start,
        Modality = modality,
        TotalParams = totalParams,
        Official = official,
    };

    public static BotEvent Detected(Release release) => BotEvent.ReleaseDetected(release, release.DetectedAt);

    public static BotEvent RankEvent(Release release) =>
        BotEvent.RankChanged(new RankMove(release.RepoId, RankMoveKind.ReachedFirst, 3, 1, Start));
}
