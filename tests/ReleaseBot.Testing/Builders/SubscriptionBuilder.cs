using ReleaseBot.Core.Domain;

namespace ReleaseBot.Testing.Builders;

/// <summary>An active instant subscription of a Telegram chat, with default filters.</summary>
public sealed class SubscriptionBuilder
{
    private Subscription subscription;

    public SubscriptionBuilder(string chatId = "-1001", Platform platform = Platform.Telegram) => subscription = new Subscription
    {
        Id = $"sub-{platform.ToString().ToLowerInvariant()}-{chatId}",
        Chat = new ChatAddress(platform, chatId),
        CreatedAt = ReleaseBuilder.DefaultDetectedAt,
        DigestTime = new TimeOnly(9, 0),
    };

    public SubscriptionBuilder WithId(string id) => With(s => s with { Id = id });
    public SubscriptionBuilder Vendors(params string[] vendorIds) => With(s => s with { Filter = s.Filter with { Vendors = vendorIds } });
    public SubscriptionBuilder Modalities(params Modality[] modalities) => With(s => s with { Filter = s.Filter with { Modalities = modalities } });
    public SubscriptionBuilder MinParams(long min) => With(s => s with { Filter = s.Filter with { MinParams = min } });
    public SubscriptionBuilder IncludeDerivatives() => With(s => s with { Filter = s.Filter with { OfficialOnly = false } });
    public SubscriptionBuilder Mode(DeliveryMode mode) => With(s => s with { Mode = mode });
    public SubscriptionBuilder Digest(TimeOnly time, string zone) => With(s => s with { DigestTime = time, TimeZone = zone });
    public SubscriptionBuilder Language(Language language) => With(s => s with { Language = language });
    public SubscriptionBuilder Paused(string reason) => With(s => s with { Active = false, PausedReason = reason, PausedAt = s.CreatedAt });

    public Subscription Build() => subscription;

    private SubscriptionBuilder With(Func<Subscription, Subscription> change)
    {
        subscription = change(subscription);
        return this;
    }
}
