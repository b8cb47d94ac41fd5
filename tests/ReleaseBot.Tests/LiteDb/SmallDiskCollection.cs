namespace ReleaseBot.Tests.LiteDb;

/// <summary>
/// Tests that mount and fill a <see cref="ReleaseBot.Testing.Store.SmallDisk"/> run alone: run beside the timing-bound
/// gateway tests they made <c>GatewayHostileFramesTests.Frame_PastTheSizeBound_…</c> miss its 500 ms heartbeat window.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SmallDiskCollection
{
    public const string Name = "small disk";
}
