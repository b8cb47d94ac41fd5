using ReleaseBot.Testing.Hosting;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Tests.Hosting;

/// <summary>The real bot as a child process, driven through its standard streams (the README's "Two commands").</summary>
public sealed class ConsoleChatProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Run_LatestAndRankOnBundledData_AnswersThenExitsZeroAtEndOfInput()
    {
        await using var bot = BotProcess.Start(_dir.Path, Environment());
        await bot.WriteLineAsync("/latest 3");
        await bot.WriteLineAsync("/rank");
        bot.CloseInput();

        var exitCode = await bot.WaitForExitAsync(Timeout);

        Assert.Equal(0, exitCode);
        var stdout = bot.StandardOutput;
        Assert.Contains("Latest 3 releases", stdout, StringComparison.Ordinal);
        Assert.Contains("Qwen/Qwen3-30B-A3B-Thinking-2507", stdout, StringComparison.Ordinal);
        Assert.Contains("#1 zai-org/GLM-4.5", stdout, StringComparison.Ordinal);
        Assert.Contains("8 of 8 known entries are from Chinese vendors", stdout, StringComparison.Ordinal);
        // Logs go to stderr: stdout is the chat only.
        Assert.DoesNotContain("info:", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "data", "bot.db")), "the data file is where DataPath says");
    }

    [Fact]
    public async Task Run_BrokenCommands_ClearRepliesAndTheBotKeepsAnswering()
    {
        await using var bot = BotProcess.Start(_dir.Path, Environment());
        await bot.WriteLineAsync("/frobnicate");
        await bot.WriteLineAsync("/latest 10000");
        await bot.WriteLineAsync("/digest 25:00 Mars/Olympus");
        await bot.WriteLineAsync("/vendor " + new string('x', 5000));
        await bot.WriteLineAsync("/model zai-org/GLM-4.5");
        bot.CloseInput();

        Assert.Equal(0, await bot.WaitForExitAsync(Timeout));
        var stdout = bot.StandardOutput;
        Assert.Contains("/help", stdout, StringComparison.Ordinal);
        Assert.Contains("1 to 20", stdout, StringComparison.Ordinal);
        Assert.Contains("355B total / 32B active", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Restart_KeepsChatSettingsAndImportsTheSeedOnce()
    {
        await using (var first = BotProcess.Start(_dir.Path, Environment()))
        {
            await first.WriteLineAsync("/lang zh");
            first.CloseInput();
            Assert.Equal(0, await first.WaitForExitAsync(Timeout));
            Assert.Contains("Seed imported", first.StandardError, StringComparison.Ordinal);
        }

        await using var second = BotProcess.Start(_dir.Path, Environment());
        await second.WriteLineAsync("/latest 1");
        second.CloseInput();

        Assert.Equal(0, await second.WaitForExitAsync(Timeout));
        Assert.Contains("最新", second.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Seed imported", second.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ReleaseBot:Dispatch:MaxConcurrency", "0", "MaxConcurrency")]
    [InlineData("ReleaseBot:HuggingFace:BaseUrl", "not a url", "ReleaseBot:HuggingFace:BaseUrl")]
    [InlineData("ReleaseBot:Digest:CatchUpWindow", "banana", "ReleaseBot:Digest:CatchUpWindow")]
    [InlineData("ReleaseBot:HuggingFace:Webhook:Enabled", "true", "ReleaseBot:HuggingFace:Webhook:Secret")]
    public async Task Run_BadSetting_StopsWithAMessageNamingIt(string key, string value, string named)
    {
        var environment = Environment();
        environment[key] = value;
        await using var bot = BotProcess.Start(_dir.Path, environment);

        var exitCode = await bot.WaitForExitAsync(Timeout);

        Assert.Equal(2, exitCode);
        Assert.Contains("ReleaseBot cannot start", bot.StandardError, StringComparison.Ordinal);
        Assert.Contains(named, bot.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The fixture's defaults, with what a first run from the README has: console Auto, the bundled data imported.</summary>
    private static Dictionary<string, string?> Environment()
    {
        var settings = BotSettings.Defaults("data/bot.db");
        settings["ReleaseBot:Console:Mode"] = "Auto";
        settings["ReleaseBot:Seed:Enabled"] = "true";
        settings["Logging:LogLevel:ReleaseBot"] = "Information";
        return settings;
    }
}
