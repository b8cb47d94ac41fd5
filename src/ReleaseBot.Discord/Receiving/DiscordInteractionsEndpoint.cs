using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Discord.Rest;
using ReleaseBot.Web;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// The HTTP interactions endpoint (<see cref="DiscordOptions.InteractionsEndpoint"/>), for an application whose
/// Interactions Endpoint URL points here (https://docs.discord.com/developers/interactions/overview#preparing-for-interactions).
/// Every request must carry a valid Ed25519 signature of its timestamp and body, fresh within
/// <see cref="DiscordOptions.SignatureMaxAge"/>, else 401 (Discord probes this with bad signatures before saving the URL).
/// PING is answered PONG; commands and autocomplete are answered in the response body, as over the gateway.
/// </summary>
public sealed partial class DiscordInteractionsEndpoint(
    DiscordSignatureVerifier verifier,
    DiscordInteractionHandler interactions,
    DiscordBackgroundWork work,
    IHostApplicationLifetime lifetime,
    IOptions<DiscordOptions> options,
    ILogger<DiscordInteractionsEndpoint> logger) : IWebhookEndpoint
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";
    private const int PingType = 1;
    private const int MaxBody = 1 << 20;

    public string Path => options.Value.InteractionsEndpoint!;

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBody)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var check = verifier.Verify(request.Headers[SignatureHeader].FirstOrDefault(), request.Headers[TimestampHeader].FirstOrDefault(), body);
        if (check != DiscordSignatureCheck.Valid)
        {
            Log.Refused(logger, check);
            return Results.Unauthorized();
        }

        JsonElement data;
        try
        {
            using var document = JsonDocument.Parse(body);
            data = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }

        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number
            && type.TryGetInt32(out var t) && t == PingType)
        {
            return Json(new DiscordInteractionCallback(DiscordInteractionCallback.Pong));
        }

        if (interactions.Claim(data) is not { } interaction)
        {
            return Results.NoContent();
        }

        // The answer goes on after the HTTP response (edits and follow-ups), so it runs on the host's lifetime, not the request's.
        var first = new TaskCompletionSource<DiscordInteractionCallback>(TaskCreationOptions.RunContinuationsAsynchronously);
        var answering = work.Start("answering an HTTP interaction", () => interactions.AnswerAsync(
            interaction, (callback, _) => Task.FromResult(first.TrySetResult(callback)), lifetime.ApplicationStopping));
        await Task.WhenAny(first.Task, answering);
        return first.Task.IsCompleted ? Json(await first.Task) : Results.StatusCode(StatusCodes.Status500InternalServerError);
    }

    private static IResult Json(DiscordInteractionCallback callback) =>
        Results.Text(JsonSerializer.Serialize(callback, DiscordJson.Options), "application/json");

    private static partial class Log
    {
        [LoggerMessage(5760, LogLevel.Warning, "Discord interactions endpoint: refused a request ({Check} signature)")]
        public static partial void Refused(ILogger logger, DiscordSignatureCheck check);
    }
}
