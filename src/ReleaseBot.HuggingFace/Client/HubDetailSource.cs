using Microsoft.Extensions.Logging;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>model_info behind the Core port; any failure becomes <see cref="ModelDetailResult.Failed"/> so ingestion goes on.</summary>
public sealed partial class HubDetailSource(HubClient client, ILogger<HubDetailSource> logger) : IModelDetailSource
{
    public async Task<ModelDetailResult> GetDetailAsync(RepoId repoId, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetModelInfoAsync(repoId, cancellationToken);
        }
        catch (Exception ex) when (ex is HubException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.Failed(logger, repoId, ex);
            return new ModelDetailResult.Failed(ex.Message);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(3111, LogLevel.Warning, "model_info of {RepoId} failed")]
        public static partial void Failed(ILogger logger, RepoId repoId, Exception exception);
    }
}
