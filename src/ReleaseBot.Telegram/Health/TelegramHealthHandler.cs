using System.Net;
using ReleaseBot.Core.Health;

namespace ReleaseBot.Telegram.Health;

/// <summary>
/// Watches every Bot API call on the wire and reports Telegram's state to <see cref="HealthState"/>: an answer means
/// connected; a network failure, a 5xx or a 401 (bad token) means not; another 4xx (one chat refused one request) is
/// kept as the last error only. Reasons name the method and status, never the URL (it holds the token).
/// </summary>
public sealed class TelegramHealthHandler(HealthState health) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri?.Segments is { Length: > 0 } segments ? segments[^1].Trim('/') : "request";
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            health.Failed(HealthComponent.Telegram, $"{method}: {ex.GetType().Name}");
            throw;
        }

        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            health.Succeeded(HealthComponent.Telegram);
        }
        else if (status >= 500 || response.StatusCode == HttpStatusCode.Unauthorized)
        {
            health.Failed(HealthComponent.Telegram, $"{method}: HTTP {status}");
        }
        else
        {
            health.Noted(HealthComponent.Telegram, $"{method}: HTTP {status}");
        }

        return response;
    }
}
