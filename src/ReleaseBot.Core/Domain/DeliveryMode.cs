namespace ReleaseBot.Core.Domain;

public enum DeliveryMode
{
    Instant = 0,
    Digest = 1,
    Both = 2,
}
