using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ingest;

namespace ReleaseBot.HuggingFace.Client;

/// <summary>
/// Typed client of the Hub API (reference/huggingface.md §1–3). Pacing and retries live in <see cref="HubHttpHandler"/>;
/// this class builds URLs, follows <c>Link: rel="next"</c> and 307 renames, and reads the JSON.
/// </summary>
public sealed partial class HubClient(HttpClient http, IOptions<HuggingFaceOptions> options)
{
    public const string UserAgent = "ReleaseBot/0.1 (+https://github.com/releasebot/releasebot)";

    /// <summary>
    /// With <c>expand</c> an item carries only <c>_id</c>, <c>id</c> and these keys, so every key the ingestor reads is listed.
    /// </summary>
    public static readonly IReadOnlyList<string> PollExpand =
    [
        "author", "createdAt", "lastModified", "likes", "downloads", "trendingScore", "pipeline_tag",
        "library_name", "tags", "gated", "private", "disabled", "safetensors", "cardData",
    ];

    private const int MaxRedirects = 5;

    /// <summary>An org's repos, newest first: <c>/api/models?author=ORG&amp;sort=createdAt&amp;limit=N&amp;expand[]=…</c>, up to MaxPages pages.</summary>
    public async Task<IReadOnlyList<HubModel>> ListOrgModelsAsync(string org, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = $"author={Uri.EscapeDataString(org)}&sort=createdAt&limit={settings.PageSize}" +
                    string.Concat(PollExpand.Select(e => $"&expand[]={Uri.EscapeDataString(e)}"));
        var url = new Uri(settings.BaseUrl, "api/models?" + query);
        var models = new List<HubModel>();
        for (var page = 0; page < settings.MaxPages && url is not null; page++)
        {
            using var response = await http.GetAsync(url, cancellationToken);
            await EnsureSuccessAsync(response, "list " + org);
            var json = await ReadJsonAsync(response, "list " + org, cancellationToken);
            models.AddRange(Read(json, "list " + org, HubModelJson.ParseList));
            url = NextLink(response);
        }

        return models;
    }

    /// <summary>The trending list in rank order: <c>/api/models?sort=trendingScore&amp;limit=N</c> (default item fields).</summary>
    public async Task<IReadOnlyList<HubModel>> ListTrendingAsync(int limit, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Value.BaseUrl, $"api/models?sort=trendingScore&limit={limit}");
        using var response = await http.GetAsync(url, cancellationToken);
        await EnsureSuccessAsync(response, "trending");
        var json = await ReadJsonAsync(response, "trending", cancellationToken);
        return Read(json, "trending", HubModelJson.ParseList).Take(limit).ToList();
    }

    /// <summary>
    /// model_info. Follows 307 (renamed repos) itself so the pacing handler sees each hop and the final id is the body's.
    /// 401/404 (missing, private) and 403 (disabled) mean "not visible"; a 401 for a bad token is an error.
    /// </summary>
    public async Task<ModelDetailResult> GetModelInfoAsync(RepoId repoId, CancellationToken cancellationToken)
    {
        var url = new Uri(options.Value.BaseUrl, $"api/models/{Uri.EscapeDataString(repoId.Owner)}/{Uri.EscapeDataString(repoId.Name)}");
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.MovedPermanently
                && response.Headers.Location is { } location)
            {
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }

            var errorMessage = response.Headers.TryGetValues("X-Error-Message", out var m) ? m.FirstOrDefault() : null;
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized when errorMessage?.Contains("Invalid credentials", StringComparison.OrdinalIgnoreCase) == true:
                    throw new HubException("The Hub rejected the configured token (ReleaseBot:HuggingFace:Token).");
                case HttpStatusCode.Unauthorized or HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Gone:
                    return new ModelDetailResult.NotVisible($"HTTP {(int)response.StatusCode} {errorMessage}".TrimEnd());
            }

            if (!response.IsSuccessStatusCode)
            {
                return new ModelDetailResult.Failed($"HTTP {(int)response.StatusCode}");
            }

            try
            {
                var json = await ReadJsonAsync(response, repoId.ToString(), cancellationToken);
                var model = Read(json, repoId.ToString(), HubModelJson.Parse);
                return model.Disabled == true ? new ModelDetailResult.NotVisible("disabled") : new ModelDetailResult.Found(model);
            }
            catch (HubException ex)
            {
                return new ModelDetailResult.Failed(ex.Message);
            }
        }

        return new ModelDetailResult.Failed("too many redirects");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            var code = response.Headers.TryGetValues("X-Error-Code", out var c) ? " " + c.FirstOrDefault() : "";
            await response.Content.LoadIntoBufferAsync();
            throw new HubException($"Hub {what}: HTTP {(int)response.StatusCode}{code}");
        }
    }

    /// <summary>
    /// The body as JSON, refused (as a <see cref="HubException"/> naming the reason) when it is larger than
    /// <see cref="HuggingFaceOptions.MaxResponseBytes"/>, not JSON, or nested deeper than the parser's 64 levels.
    /// </summary>
    private async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > max)
        {
            throw new HubException($"Hub {what}: body of {length} bytes is over the {max}-byte limit");
        }

        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var bounded = new BoundedReadStream(stream, max);
            using var document = await JsonDocument.ParseAsync(bounded, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new HubException($"Hub {what}: malformed JSON ({ex.Message})", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new HubException($"Hub {what}: {ex.Message}", ex);
        }
    }

    /// <summary>Reads Hub JSON of an unexpected shape (a string where an object belongs, …) as a refused answer, not a crash.</summary>
    private static T Read<T>(JsonElement json, string what, Func<JsonElement, T> read)
    {
        try
        {
            return read(json);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new HubException($"Hub {what}: unexpected JSON ({ex.Message})", ex);
        }
    }

    /// <summary>The <c>rel="next"</c> URL of an RFC 5988 <c>Link</c> header, used verbatim.</summary>
    public static Uri? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        var match = values.Select(v => LinkNext().Match(v)).FirstOrDefault(m => m.Success);
        return match is null ? null : new Uri(response.RequestMessage?.RequestUri ?? new Uri("http://localhost/"), match.Groups[1].Value);
    }

    [GeneratedRegex("<([^>]+)>\\s*;\\s*rel=\"?next\"?", RegexOptions.IgnoreCase)]
    private static partial Regex LinkNext();
}
