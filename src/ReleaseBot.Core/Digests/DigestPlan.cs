using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Digests;

/// <summary>One subscriber's digest for one local date, decided but not yet written.</summary>
internal sealed record DigestPlan(Subscription Subscription, DateOnly Date, BotEvent Digest, DateTimeOffset From, bool Send);
