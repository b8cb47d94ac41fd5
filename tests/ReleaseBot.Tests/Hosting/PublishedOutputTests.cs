using System.Diagnostics;
using System.Net;
using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;
using ReleaseBot.Tests.Repository;

namespace ReleaseBot.Tests.Hosting;

/// <summary>
/// The container's entrypoint without a container engine: <c>dotnet publish</c> of the host (as the Dockerfile runs it),
/// then <c>dotnet ReleaseBot.dll</c> in the publish folder with the image's health setting, a temp data path and the
/// console chat on stdin. It must answer <c>/healthz</c> (the image's HEALTHCHECK) and a command.
/// </summary>
public sealed class PublishedOutputTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Published_EntrypointWithHealthListener_AnswersHealthzAndACommand()
    {
        var publish = await PublishAsync();
        await using var bot = BotProcess.Start(_dir.Path, new Dictionary<string, string?>
        {
            ["ReleaseBot:DataPath"] = Path.Combine(_dir.Path, "data", "releasebot.db"),
            ["ReleaseBot:Console:Mode"] = "On",
            ["ReleaseBot:HuggingFace:Enabled"] = "false",
            ["ReleaseBot:Health:ListenUrl"] = "http://127.0.0.1:0",
        }, Path.Combine(publish, "ReleaseBot.dll"));

        await bot.WriteLineAsync("/vendors");
        await bot.WaitForOutputAsync(o => o.Contains("Vendors (", StringComparison.Ordinal), Timeout);
        using var http = new HttpClient { BaseAddress = await ListenerAddressAsync(bot) };
        var healthz = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var readyz = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        bot.CloseInput();

        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.Equal(0, await bot.WaitForExitAsync(Timeout));
        Assert.True(File.Exists(Path.Combine(publish, "config", "appsettings.json")), "the image carries config/ beside the binary");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>
    /// The same publish as the Dockerfile's, reusing this test run's build (<c>--no-build</c>) so it takes seconds;
    /// .ci/run also runs the full <c>dotnet publish</c> as the image does.
    /// </summary>
    private async Task<string> PublishAsync()
    {
        var output = Path.Combine(_dir.Path, "publish");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "publish", "src/ReleaseBot/ReleaseBot.csproj", "-c", Configuration, "--no-build", "-o", output })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await stdout}\n{await stderr}");
        return output;
    }

    /// <summary>The port Kestrel picked for port 0, from the listener's start-up log line on stderr.</summary>
    private static async Task<Uri> ListenerAddressAsync(BotProcess bot)
    {
        var until = DateTime.UtcNow + Timeout;
        while (true)
        {
            var match = System.Text.RegularExpressions.Regex.Match(bot.StandardError, @"Health listener on (http://127\.0\.0\.1:\d+)");
            if (match.Success)
            {
                return new Uri(match.Groups[1].Value);
            }

            Assert.True(DateTime.UtcNow < until, "no health listener line in stderr:\n" + bot.StandardError);
            await Task.Delay(100);
        }
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif
}
