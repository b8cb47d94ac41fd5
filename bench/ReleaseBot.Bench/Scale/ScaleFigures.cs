namespace ReleaseBot.Bench.Scale;

/// <summary>The rows of issue 9's table, as measured by <see cref="ScaleBench"/>; each measured by one run of the bench.</summary>
public sealed record ScaleFigures
{
    public required int Releases { get; init; }
    public required int Subscriptions { get; init; }
    public double ImportSeconds { get; init; }
    /// <summary>Processor time the import used (all threads): steadier than wall time on a shared machine.</summary>
    public double ImportCpuSeconds { get; init; }
    public double ImportPeakMb { get; init; }
    public double SteadyWorkingSetMb { get; init; }
    public double ManagedHeapAfterImportMb { get; init; }
    public double SubscribeMeanMs { get; init; }
    public double SubscribeP99Ms { get; init; }
    /// <summary>Rows the publish wrote before it returned, and when it returned (the rest of the fan-out stays open).</summary>
    public int PublishRows { get; init; }
    public double PublishMs { get; init; }
    /// <summary>The whole fan-out, its open part written at once.</summary>
    public int PlannedRows { get; init; }
    public double PlanSeconds { get; init; }
    public double FirstDueMs { get; init; }
    public double CommandIdleP50Ms { get; init; }
    public double CommandIdleP99Ms { get; init; }
    public double CommandFanOutP50Ms { get; init; }
    public double CommandFanOutP99Ms { get; init; }
    /// <summary>While the whole bot fans out to every subscriber at Telegram's limits (the open part written as dispatch drains).</summary>
    public double CommandPacedP50Ms { get; init; }
    public double CommandPacedP99Ms { get; init; }
    public int PacedCommands { get; init; }
    /// <summary>Messages the fake Bot API accepted while those commands were timed.</summary>
    public int PacedMessagesSent { get; init; }
    public double BytesPerReleaseAfterImport { get; init; }
    public double BytesPerDeliveryRow { get; init; }
    public double PeakWorkingSetMb { get; init; }
    /// <summary>1,000 private <c>/subscribe</c> in a burst, answers per second (<c>TelegramCommandsBench</c>).</summary>
    public double CommandBurstPrivatePerSecond { get; init; }
    /// <summary>300 group <c>/subscribe</c> (one getChatMember each) in a burst, answers per second.</summary>
    public double CommandBurstGroupPerSecond { get; init; }
    /// <summary>1,000 chats at the real 30/s, first to last accepted (<c>TelegramFanOutBench</c>).</summary>
    public double TelegramFanOutRatio { get; init; }
    public double TelegramFanOutEndToEndRatio { get; init; }
    public int TelegramFanOut429s { get; init; }
}
