using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ReleaseBot.Testing.FakeHub;

public sealed partial class FakeHubServer
{
    private const int MaxLimit = 1000;

    private void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/models", (Delegate)ListAsync);
        app.MapGet("/api/models/{owner}/{name}", (Delegate)DetailAsync);
        app.MapGet("/api/trending", (Delegate)TrendingAsync);
        app.MapMethods("/{owner}/{name}/resolve/main/README.md", ["HEAD", "GET"], (Delegate)ReadmeAsync);
        app.MapGet("/{owner}/{name}/raw/main/README.md", (Delegate)ReadmeAsync);
    }

    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var expand = query["expand"].Concat(query["expand[]"]).OfType<string>().ToList();
        var full = query["full"] == "true";
        var cardData = query["cardData"] == "true";
        if (expand.FirstOrDefault(e => !FakeHubJson.ExpandValues.Contains(e)) is { } unknown)
        {
            await ErrorAsync(context, 400, null, $"Invalid expand value: {unknown}");
            return;
        }

        if (expand.Count > 0 && (full || cardData || query["config"] == "true"))
        {
            await ErrorAsync(context, 400, null, "expand cannot be combined with full, config or cardData");
            return;
        }

        var models = Snapshot().Where(m => !m.Private);
        if (query["author"].FirstOrDefault() is { } author)
        {
            models = models.Where(m => m.Author == author);
        }

        if (query["search"].FirstOrDefault() is { } search)
        {
            models = models.Where(m => m.Id.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var filter in query["filter"].OfType<string>())
        {
            models = models.Where(m => m.Tags.Contains(filter) || (filter.StartsWith("license:", StringComparison.Ordinal) && $"license:{m.License}" == filter));
        }

        if (query["pipeline_tag"].FirstOrDefault() is { } pipeline)
        {
            models = models.Where(m => m.PipelineTag == pipeline);
        }

        var sorted = Sort(models, query["sort"].FirstOrDefault()).ToList();
        var limit = Math.Clamp(int.TryParse(query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 30, 1, MaxLimit);
        var skip = DecodeCursor(query["cursor"].FirstOrDefault());
        var page = sorted.Skip(skip).Take(limit).ToList();
        if (skip + page.Count < sorted.Count)
        {
            context.Response.Headers.Link = $"<{NextUrl(context, skip + page.Count)}>; rel=\"next\"";
        }

        var array = new JsonArray();
        foreach (var model in page)
        {
            array.Add(expand.Count > 0 ? FakeHubJson.Expanded(model, expand) : FakeHubJson.ListItem(model, full, cardData));
        }

        await JsonAsync(context, array);
    }

    private async Task DetailAsync(HttpContext context, string owner, string name)
    {
        var id = $"{owner}/{name}";
        string? renamedTo;
        FakeHubModel? model;
        lock (_lock)
        {
            _renames.TryGetValue(id, out renamedTo);
            model = Snapshot().FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
        }

        if (model is null && renamedTo is not null)
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = $"/api/models/{renamedTo}";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"Temporary Redirect. Redirecting to /api/models/{renamedTo}");
            return;
        }

        if (model is null || model.Private)
        {
            await ErrorAsync(context, 401, "RepoNotFound", "Repository not found");
            return;
        }

        if (model.Disabled)
        {
            await ErrorAsync(context, 403, null, "Access to this resource is disabled.");
            return;
        }

        var expand = context.Request.Query["expand"].Concat(context.Request.Query["expand[]"]).OfType<string>().ToList();
        if (expand.FirstOrDefault(e => !FakeHubJson.ExpandValues.Contains(e)) is { } unknown)
        {
            await ErrorAsync(context, 400, null, $"Invalid expand value: {unknown}");
            return;
        }

        await JsonAsync(context, expand.Count > 0 ? FakeHubJson.Expanded(model, expand) : FakeHubJson.Detail(model));
    }

    private async Task TrendingAsync(HttpContext context)
    {
        var limit = int.TryParse(context.Request.Query["limit"], CultureInfo.InvariantCulture, out var l) ? l : 10;
        if (limit > 20)
        {
            // Mirrors the third-party observation in reference §2.2.
            await ErrorAsync(context, 400, null, "Too big: expected number to be <=20");
            return;
        }

        var type = context.Request.Query["type"].FirstOrDefault() ?? "all";
        var items = new JsonArray();
        if (type is "all" or "model")
        {
            foreach (var model in Sort(Snapshot().Where(m => !m.Private), "trendingScore").Take(limit))
            {
                items.Add(FakeHubJson.TrendingItem(model));
            }
        }

        await JsonAsync(context, new JsonObject { ["recentlyTrending"] = items });
    }

    private async Task ReadmeAsync(HttpContext context, string owner, string name)
    {
        var model = Snapshot().FirstOrDefault(m => string.Equals(m.Id, $"{owner}/{name}", StringComparison.OrdinalIgnoreCase));
        if (model is null || model.Private || !model.HasReadme)
        {
            await ErrorAsync(context, 404, "EntryNotFound", "Entry not found");
            return;
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync($"---\nlicense: {model.License}\n---\n# {name}\n");
        }
    }

    private static IEnumerable<FakeHubModel> Sort(IEnumerable<FakeHubModel> models, string? sort)
    {
        var ordered = sort switch
        {
            "lastModified" => models.OrderByDescending(m => m.LastModified ?? m.CreatedAt),
            "downloads" => models.OrderByDescending(m => m.Downloads),
            "likes" => models.OrderByDescending(m => m.Likes),
            "trendingScore" => models.OrderByDescending(m => m.TrendingScore),
            _ => models.OrderByDescending(m => m.CreatedAt),
        };
        return ordered.ThenBy(m => m.Id, StringComparer.Ordinal);
    }

    /// <summary>The same URL with every original parameter and a new opaque cursor (the client must follow it verbatim).</summary>
    private static string NextUrl(HttpContext context, int skip)
    {
        var kept = (context.Request.QueryString.Value ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("cursor=", StringComparison.Ordinal));
        var cursor = Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"$skip\":{skip}}}")));
        return $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join('&', kept)}&cursor={cursor}";
    }

    private static int DecodeCursor(string? cursor)
    {
        if (cursor is null)
        {
            return 0;
        }

        using var doc = JsonDocument.Parse(Convert.FromBase64String(cursor));
        return doc.RootElement.GetProperty("$skip").GetInt32();
    }

    private static async Task JsonAsync(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}
