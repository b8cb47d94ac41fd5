using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>
/// getUpdates read one update at a time: the way past a batch that Telegram.Bot cannot read because one update in it is
/// malformed (a wrong type, a shape this version does not know). Without it the same batch would be asked for forever
/// and no chat would be answered again. Each update that reads is returned; each that does not is logged with its id
/// and the reader's reason (a JSON path, never the payload) and passed over. Also the one reader of a webhook body.
/// </summary>
public sealed partial class TelegramRawUpdates(IHttpClientFactory http, IOptions<TelegramOptions> options, ILogger<TelegramRawUpdates> logger)
{
    /// <summary>The batch from <paramref name="offset"/> (no long poll: the batch is already waiting), malformed updates left out.</summary>
    public async Task<TelegramUpdateBatch> ReadAsync(int offset, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var client = http.CreateClient(TelegramRegistration.HttpClientName);
        // The URL holds the token: nothing here puts it in an exception message or a log line.
        using var response = await client.PostAsJsonAsync(
            $"{o.ApiBaseUrl.TrimEnd('/')}/bot{o.Token}/getUpdates", new { offset, limit = 100, timeout = 0 }, cancellationToken);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
        if (!document.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"getUpdates answered HTTP {(int)response.StatusCode} without a result array");
        }

        var updates = new List<Update>();
        var last = offset - 1;
        foreach (var element in result.EnumerateArray())
        {
            var id = element.GetProperty("update_id").GetInt32();
            last = Math.Max(last, id);
            if (Read(element, id) is { } update)
            {
                updates.Add(update);
            }
        }

        return new TelegramUpdateBatch([.. updates], last + 1);
    }

    /// <summary>One update, or null (logged) when it cannot be read.</summary>
    public Update? Read(JsonElement element, int? id = null)
    {
        try
        {
            return element.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("The update is null.");
        }
        catch (JsonException ex)
        {
            Log.Malformed(logger, id ?? (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("update_id", out var u)
                && u.TryGetInt32(out var n) ? n : 0), ex.Message);
            return null;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4505, Level = LogLevel.Warning, Message = "Update {UpdateId} could not be read and is passed over: {Reason}")]
        public static partial void Malformed(ILogger logger, int updateId, string reason);
    }
}
