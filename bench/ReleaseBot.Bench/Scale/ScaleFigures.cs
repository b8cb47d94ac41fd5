namespace ReleaseBot.Bench.Scale;

/// <summary>The rows of issue 9's table, as measured by <see cref="ScaleBench"/>; null where not measured here.</summary>
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
    public int PlannedRows { get; init; }
    public double PlanSeconds { get; init; }
    public double FirstDueMs { get; init; }
    public double CommandIdleP50Ms { get; init; }
    public double CommandIdleP99Ms { get; init; }
    public double CommandFanOutP50Ms { get; init; }
    public double CommandFanOutP99Ms { get; init; }
    public double BytesPerReleaseAfterImport { get; init; }
    public double BytesPerDeliveryRow { get; init; }
    public double PeakWorkingSetMb { get; init; }
    /// <summary>Measured by the command-burst bench (another helper's); kept so the table has its row.</summary>
    public double? CommandBurstPerSecond { get; init; }
    /// <summary>Measured by <c>bench telegram</c>; kept so the table has its row.</summary>
    public double? TelegramFanOutRatio { get; init; }
}
