using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>
/// The REST front of the fake (<c>/api/v10/…</c>): route matching, User-Agent and <c>Authorization: Bot</c> checks,
/// rate limits, scripted failures, body parsing; then the route's handler. Every answer is recorded in the state.
/// </summary>
internal sealed partial class FakeDiscordRest(FakeDiscordState state, FakeDiscordGateway gateway)
{
    private const string Prefix = "/api/v10/";
    private readonly FakeDiscordRateLimiter _limits = new(state.Options);
    private FakeDiscordOptions Options => state.Options;
    private TimeProvider Time => state.Options.Time;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var now = Time.GetUtcNow();
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await FinishAsync(context, FakeDiscordReply.NotFound(), null, now);
            return;
        }

        var segments = path[Prefix.Length..].Split('/');
        if (Match(request.Method, segments) is not { } match)
        {
            await FinishAsync(context, FakeDiscordReply.NotFound(), null, now);
            return;
        }

        if (match.Handler is null)
        {
            await FinishAsync(context, FakeDiscordReply.Error(405, 0, "405: Method Not Allowed"), null, now);
            return;
        }

        // Discord sits behind Cloudflare, which blocks requests without a proper User-Agent with an HTML page.
        if (!request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            await FinishAsync(context, new FakeDiscordReply(403, null, "<html><body>error code: 1010</body></html>"), null, now);
            return;
        }

        if (match.NeedsBot && request.Headers.Authorization.ToString() != $"Bot {Options.Token}")
        {
            await FinishAsync(context, FakeDiscordReply.Unauthorized(), null, now);
            return;
        }

        FakeDiscordLimit? limit = null;
        if (match.Route is { } route)
        {
            limit = _limits.Take(route, now);
            if (limit.Scope is not null)
            {
                await FinishAsync(context, TooManyRequests(limit), limit, now);
                return;
            }
        }

        if (match.ChannelId is { } channelId && state.TakeFailure(channelId) is { } failure)
        {
            if (failure.LosesAnswer)
            {
                await LoseAnswerAsync(context, match, now);
                return;
            }

            if (failure.Scope is not null && match.Route is { } limited)
            {
                limit = _limits.Peek(limited, now) with { Scope = failure.Scope, RetryAfter = TimeSpan.FromSeconds(failure.RetryAfterSeconds) };
            }

            await FinishAsync(context, new FakeDiscordReply(failure.Status, failure.Body?.DeepClone(), failure.HtmlBody), limit, now);
            return;
        }

        var (body, bodyError) = await ReadBodyAsync(request, context.RequestAborted);
        var reply = bodyError ?? match.Handler(body, request.Query);
        await FinishAsync(context, reply, limit, now);
    }

    private async Task LoseAnswerAsync(HttpContext context, RouteMatch match, DateTimeOffset now)
    {
        var (body, bodyError) = await ReadBodyAsync(context.Request, context.RequestAborted);
        var reply = bodyError ?? match.Handler!(body, context.Request.Query);
        state.Record(new FakeDiscordRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, reply.Status, now), false, null);
        context.Abort();
    }

    private RouteMatch? Match(string method, string[] s)
    {
        var get = method == HttpMethods.Get;
        return s switch
        {
            ["gateway"] => new(get ? (_, _) => GetGateway() : null, false, null, null),
            ["gateway", "bot"] => new(get ? (_, _) => GetGatewayBot() : null, true, Read("gateway"), null),
            ["users", "@me"] => new(get ? (_, _) => FakeDiscordReply.Ok(BotUser()) : null, true, Read("users")),
            ["channels", var id] when Id(id) is { } channelId =>
                new(get ? (_, _) => GetChannel(channelId) : null, true, Read(id), channelId),
            ["channels", var id, "messages"] when Id(id) is { } channelId =>
                new(method == HttpMethods.Post ? (b, _) => CreateMessage(channelId, b) : null, true, Route("messages", Options.Messages, id), channelId),
            ["applications", var app, "commands"] =>
                new(Commands(method, app, null), true, Route("commands", Options.Commands, app)),
            ["applications", var app, "guilds", var guild, "commands"] when Id(guild) is { } guildId =>
                new(Commands(method, app, guildId), true, Route("commands", Options.Commands, guild)),
            ["interactions", var id, var token, "callback"] when Id(id) is { } interactionId =>
                new(method == HttpMethods.Post ? (b, q) => Callback(interactionId, token, b, q) : null, false,
                    new FakeDiscordRoute("b6c3f1e0d2a94c87", new(5, TimeSpan.FromSeconds(1)), id, false)),
            ["webhooks", var app, var token] =>
                new(method == HttpMethods.Post ? (b, q) => FollowUp(app, token, b, q) : null, false, Webhook(app, token)),
            ["webhooks", var app, var token, "messages", "@original"] =>
                new(method == HttpMethods.Patch ? (b, _) => EditOriginal(app, token, b)
                    : method == HttpMethods.Delete ? (_, _) => DeleteOriginal(app, token) : null, false, Webhook(app, token)),
            _ => null,
        };
    }

    private FakeDiscordRoute Read(string major) => Route("reads", Options.Reads, major);

    private FakeDiscordRoute Webhook(string app, string token) => new("0f4e8a1b7c3d5e92", Options.Webhooks, $"{app}/{token}", false);

    /// <summary>Stable, opaque bucket hashes; routes that share one name share one limit.</summary>
    private static FakeDiscordRoute Route(string bucket, FakeTelegram.FakeRateRule rule, string major) => new(bucket switch
    {
        "messages" => "80c17d2f203122d936070c88c8d10f33",
        "commands" => "6f1a9d0c4b2e8f37",
        _ => "d4f1a7b2c9e3f605",
    }, rule, major, true);

    private static ulong? Id(string text) => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static FakeDiscordReply TooManyRequests(FakeDiscordLimit limit) => new(429, new JsonObject
    {
        ["message"] = "You are being rate limited.",
        ["retry_after"] = limit.RetryAfterSeconds,
        ["global"] = limit.Scope == "global",
    });

    private FakeDiscordReply GetGateway() => FakeDiscordReply.Ok(new JsonObject { ["url"] = gateway.Url });

    private FakeDiscordReply GetGatewayBot() => FakeDiscordReply.Ok(new JsonObject
    {
        ["url"] = gateway.Url,
        ["shards"] = 1,
        ["session_start_limit"] = new JsonObject
        {
            ["total"] = 1000,
            ["remaining"] = Math.Max(0, 1000 - gateway.IdentifyCount),
            ["reset_after"] = 86_400_000,
            ["max_concurrency"] = 1,
        },
    });

    private JsonObject BotUser() => FakeDiscordJson.BotUser(Options);

    private static async Task<(JsonObject? Body, FakeDiscordReply? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return (null, null);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, FakeDiscordReply.Invalid(FakeDiscordFormErrors.Single(
                string.Empty, "CONTENT_TYPE_INVALID", "Expected \"Content-Type\" header to be one of {'application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'}.")));
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            // Array bodies (command bulk overwrite) travel wrapped so every handler takes an object.
            return (node switch { JsonObject o => o, JsonArray a => new JsonObject { ["__array"] = a }, _ => [] }, null);
        }
        catch (JsonException)
        {
            return (null, FakeDiscordReply.Error(400, 50109, "The request body contains invalid JSON."));
        }
    }

    private async Task FinishAsync(HttpContext context, FakeDiscordReply reply, FakeDiscordLimit? limit, DateTimeOffset now)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        limit?.WriteHeaders(response, now);
        var invalid = reply.Status is 401 or 403 || (reply.Status == 429 && limit?.Scope != "shared");
        state.Record(new FakeDiscordRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, reply.Status, now), invalid, limit?.Scope);
        if (reply.Html is not null)
        {
            response.ContentType = "text/html";
            await response.WriteAsync(reply.Html);
        }
        else if (reply.Body is not null)
        {
            response.ContentType = "application/json";
            await response.WriteAsync(reply.Body.ToJsonString());
        }
    }

    private sealed record RouteMatch(
        Func<JsonObject?, IQueryCollection, FakeDiscordReply>? Handler, bool NeedsBot, FakeDiscordRoute? Route, ulong? ChannelId = null);
}
