namespace ReleaseBot.Core.Domain;

/// <summary>How the bot first learnt of a release (answered by <c>/why</c>).</summary>
public enum DiscoveryPath
{
    Seed = 0,
    VendorPoll = 1,
    Trending = 2,
    Webhook = 3,
    Manual = 4,
}
