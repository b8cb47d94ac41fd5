using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>
/// The one place where Hub requests are paced and retried: waits for the <see cref="HubRateGate"/>, reads the
/// <c>RateLimit</c> headers of every response, retries 408/429/5xx and network faults with <see cref="HubRetryDelay"/>,
/// and applies the per-attempt timeout to the headers and the body (the HttpClient's own timeout is off so 429 waits are not cut short).
/// It is hand-written rather than Microsoft.Extensions.Http.Resilience's standard handler because the Hub's limits
/// are read from the IETF <c>RateLimit</c>/<c>RateLimit-Policy</c> headers, which that handler ignores: a 429 with
/// <c>r=0;t=N</c> waits N+1 s, the wait blocks every other Hub request through the shared gate, and requests are
/// paced before sending to a share of the learned quota; the standard handler only retries one request after Retry-After.
/// </summary>
public sealed partial class HubHttpHandler(
    HubRateGate gate,
    IOptions<HuggingFaceOptions> options,
    TimeProvider time,
    ILogger<HubHttpHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 0; ; attempt++)
        {
            await gate.WaitTurnAsync(cancellationToken);
            HttpResponseMessage? response = null;
            string reason;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(settings.RequestTimeout);
                try
                {
                    response = await base.SendAsync(request, attemptTimeout.Token);
                    gate.Observe(RateLimitInfo.From(response.Headers));
                    if (!HubRetryDelay.IsRetryable(response.StatusCode) || attempt >= settings.MaxRetries)
                    {
                        await BufferAsync(response, settings.MaxResponseBytes, attemptTimeout.Token);
                        return response;
                    }

                    reason = $"HTTP {(int)response.StatusCode}";
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && attempt < settings.MaxRetries &&
                                           ex is HttpRequestException { HttpRequestError: not HttpRequestError.ConfigurationLimitExceeded }
                                               or OperationCanceledException)
                {
                    response?.Dispose();
                    response = null;
                    reason = ex is OperationCanceledException ? "timeout" : ex.GetType().Name;
                }
            }

            var delay = HubRetryDelay.For(response, attempt, settings);
            if (response?.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
            {
                gate.BlockUntil(time.GetUtcNow() + delay);
            }

            Log.Retrying(logger, request.RequestUri?.AbsolutePath, reason, delay, attempt + 1);
            response?.Dispose();
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the body now, under the attempt's timeout. HttpClient would buffer it after this handler returns, where only
    /// its own timeout applies (off, see AddHubClient), so a Hub that sent its headers and then stalled held the poll for as
    /// long as the connection stayed open. A body over the limit fails here too, and is not retried.
    /// </summary>
    private static async Task BufferAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(maxBytes, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static partial class Log
    {
        // Only the path: the query is harmless, but the token must never appear and the path is all a reader needs.
        [LoggerMessage(3101, LogLevel.Warning, "Hub {Path} answered {Reason}; retry {Attempt} in {Delay}")]
        public static partial void Retrying(ILogger logger, string? path, string reason, TimeSpan delay, int attempt);
    }
}
