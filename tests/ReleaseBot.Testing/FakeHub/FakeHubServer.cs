using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>
/// A Hugging Face Hub on 127.0.0.1 (port chosen by the OS) that behaves like the real one as
/// reference/huggingface.md §9 describes: list/detail/trending shapes, <c>expand</c>/<c>expand[]</c>,
/// <c>Link</c> cursor pagination, <c>RateLimit</c> headers with a fixed-window quota, 307 renames,
/// 401 <c>RepoNotFound</c>, and scripted 429/5xx/malformed/slow/hung answers, one at a time or for a stretch (<see cref="FailAll"/>). Thread-safe: tests change it while the bot runs.
/// </summary>
public sealed partial class FakeHubServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeHubModel> _models = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _renames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<FakeHubFault> _faults = [];
    private readonly List<FakeHubRequest> _requests = [];
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private int _usedInWindow;
    private DateTimeOffset _windowEndsAt;

    private FakeHubServer(TimeProvider time) => _time = time;

    public Uri BaseUrl { get; private set; } = null!;
    /// <summary>API requests per window before 429 (the Hub: 500 anonymous, 1,000 with a token).</summary>
    public int Quota { get; set; } = 500;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Delay added to every answer (a slow Hub).</summary>
    public TimeSpan ResponseDelay { get; set; }
    /// <summary>When set, a Bearer token other than this one gets 401 "Invalid credentials in Authorization header".</summary>
    public string? ExpectedToken { get; set; }
    /// <summary>Raised after each answered request (bench: time from a model's appearance to its first detail read).</summary>
    public event Action<FakeHubRequest>? RequestAnswered;

    public static async Task<FakeHubServer> StartAsync(TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var server = new FakeHubServer(time ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Use(server.FrontAsync);
        server.MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        server._app = app;
        return server;
    }

    public FakeHubModel Add(FakeHubModel model)
    {
        lock (_lock)
        {
            _models[model.Id] = model;
        }

        return model;
    }

    public void AddRange(IEnumerable<FakeHubModel> models)
    {
        foreach (var model in models)
        {
            Add(model);
        }
    }

    public bool Remove(string repoId)
    {
        lock (_lock)
        {
            return _models.Remove(repoId);
        }
    }

    /// <summary>Flips a private repo public without touching createdAt (the late-publication case).</summary>
    public void Publish(string repoId) => Change(repoId, m => m.Private = false);

    public void Change(string repoId, Action<FakeHubModel> change)
    {
        lock (_lock)
        {
            change(_models[repoId]);
        }
    }

    /// <summary>Renames a repo: the old id answers 307 to the new one from now on.</summary>
    public void Rename(string oldId, string newId)
    {
        lock (_lock)
        {
            var model = _models[oldId];
            _models.Remove(oldId);
            model.Id = newId;
            _models[newId] = model;
            _renames[oldId] = newId;
        }
    }

    public void AddFault(FakeHubFault fault, int times = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _faults.Add(fault);
            }
        }
    }

    public IReadOnlyList<FakeHubRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void ClearRequests()
    {
        lock (_lock)
        {
            _requests.Clear();
        }
    }

    public int CountRequests(string pathContains) => Requests.Count(r => r.PathAndQuery.Contains(pathContains, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await _hangsEnd.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private List<FakeHubModel> Snapshot()
    {
        lock (_lock)
        {
            // Copies, so serialisation never races a test's change.
            return _models.Values.Select(m => new FakeHubModel
            {
                Id = m.Id, CreatedAt = m.CreatedAt, LastModified = m.LastModified, Private = m.Private, Disabled = m.Disabled,
                Gated = m.Gated, PipelineTag = m.PipelineTag, LibraryName = m.LibraryName, Tags = [.. m.Tags], Likes = m.Likes,
                Downloads = m.Downloads, TrendingScore = m.TrendingScore, Parameters = m.Parameters, License = m.License,
                BaseModel = m.BaseModel, HasReadme = m.HasReadme, Sha = m.Sha,
            }).ToList();
        }
    }

    /// <summary>Rate-limit headers, quota, scripted faults and the request log, in front of every endpoint.</summary>
    private async Task FrontAsync(HttpContext context, RequestDelegate next)
    {
        var pathAndQuery = context.Request.Path + context.Request.QueryString;
        FakeHubFault? fault;
        bool overQuota;
        int remaining;
        int reset;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (now >= _windowEndsAt)
            {
                _usedInWindow = 0;
                _windowEndsAt = now + Window;
            }

            _usedInWindow++;
            overQuota = _usedInWindow > Quota;
            remaining = Math.Max(0, Quota - _usedInWindow);
            reset = (int)Math.Ceiling((_windowEndsAt - now).TotalSeconds);
            fault = OutageFaultLocked(pathAndQuery);
            if (fault is null)
            {
                fault = _faults.FirstOrDefault(f => Matches(f, pathAndQuery));
                if (fault is not null)
                {
                    _faults.Remove(fault);
                }
            }
        }

        var headers = context.Response.Headers;
        headers["RateLimit"] = $"\"api\";r={remaining};t={reset}";
        headers["RateLimit-Policy"] = $"\"fixed window\";\"api\";q={Quota};w={(int)Window.TotalSeconds}";
        headers["X-Powered-By"] = "huggingface-moon";
        try
        {
            if (ResponseDelay > TimeSpan.Zero)
            {
                await Task.Delay(ResponseDelay, context.RequestAborted);
            }

            await AnswerAsync(context, next, fault, overQuota, reset);
        }
        finally
        {
            var request = new FakeHubRequest(context.Request.Method, pathAndQuery, context.Response.StatusCode,
                context.Request.Headers.Authorization.Count > 0, context.Request.Headers.UserAgent.FirstOrDefault(), _time.GetUtcNow());
            lock (_lock)
            {
                _requests.Add(request);
            }

            RequestAnswered?.Invoke(request);
        }
    }

    private async Task AnswerAsync(HttpContext context, RequestDelegate next, FakeHubFault? fault, bool overQuota, int reset)
    {
        switch (fault)
        {
            case FakeHubFault.RateLimited limited:
                await RateLimitedAsync(context, limited.ResetSeconds, limited.RetryAfterSeconds);
                return;
            case FakeHubFault.Status status:
                context.Response.StatusCode = status.Code;
                await context.Response.WriteAsync("Internal Error - We're working hard to fix this as soon as possible!");
                return;
            case FakeHubFault.MalformedJson:
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("[{\"_id\":\"6909b87b734dd24dd19da3ef\",\"id\":\"moonshotai/Kimi");
                return;
            case FakeHubFault.Body body:
                context.Response.ContentType = "application/json; charset=utf-8";
                if (!body.Chunked)
                {
                    context.Response.ContentLength = System.Text.Encoding.UTF8.GetByteCount(body.Json);
                }

                await context.Response.WriteAsync(body.Json);
                return;
            case FakeHubFault.Slow slow:
                await Task.Delay(slow.Delay, context.RequestAborted);
                break;
            case FakeHubFault.Hang { AfterHeaders: true } hang:
                await HangInBodyAsync(context, next, hang.Limit);
                return;
            case FakeHubFault.Hang hang:
                await HangAsync(hang.Limit, context.RequestAborted);
                break;
        }

        if (overQuota)
        {
            await RateLimitedAsync(context, reset, null);
            return;
        }

        if (ExpectedToken is not null && context.Request.Headers.Authorization.FirstOrDefault() is { } auth && auth != $"Bearer {ExpectedToken}")
        {
            await ErrorAsync(context, 401, null, "Invalid credentials in Authorization header");
            return;
        }

        await next(context);
    }

    private static async Task RateLimitedAsync(HttpContext context, int resetSeconds, int? retryAfter)
    {
        context.Response.StatusCode = 429;
        context.Response.Headers["RateLimit"] = $"\"api\";r=0;t={resetSeconds}";
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync("Too Many Requests");
    }

    private static async Task ErrorAsync(HttpContext context, int status, string? code, string message)
    {
        context.Response.StatusCode = status;
        if (code is not null)
        {
            context.Response.Headers["X-Error-Code"] = code;
        }

        context.Response.Headers["X-Error-Message"] = message;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"error\":\"{message}\"}}"));
    }
}
