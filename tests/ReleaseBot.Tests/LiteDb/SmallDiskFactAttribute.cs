using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.LiteDb;

/// <summary>A fact that needs a <see cref="SmallDisk"/>; skipped, with the reason, where no tmpfs can be mounted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
