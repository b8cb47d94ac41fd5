using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ReleaseBot.Testing.Hosting;

/// <summary>
/// The real bot as a child process (<c>dotnet ReleaseBot.dll</c> from the test's output folder),
/// with piped standard streams, its own data folder and settings passed as environment variables. The settings
/// start from <see cref="BotSettings.Defaults"/>, as a <see cref="BotFixture"/>'s do.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();
    private readonly ConcurrentQueue<TaskCompletionSource> _waiters = new();

    private BotProcess(Process process)
    {
        _process = process;
    }

    public string StandardOutput
    {
        get
        {
            lock (_gate)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_gate)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>
    /// Starts the bot in <paramref name="workingDirectory"/> with <paramref name="settings"/> (<c>ReleaseBot:DataPath</c> form);
    /// <paramref name="entryAssembly"/> defaults to ReleaseBot.dll beside the tests (a publish folder's for the image's entrypoint).
    /// </summary>
    public static BotProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> settings, string? entryAssembly = null)
    {
        var dll = entryAssembly ?? Path.Combine(AppContext.BaseDirectory, "ReleaseBot.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in BotSettings.ToEnvironment(settings))
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) => bot.Append(bot._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(bot._stderr, e.Data);
        process.Start();
        process.StandardInput.AutoFlush = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    public Task WriteLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Closes standard input: the console chat stops the host.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until standard output satisfies <paramref name="condition"/>, or throws with both streams after the timeout.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition(StandardOutput))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited ({_process.ExitCode}).\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
            try
            {
                await waiter.Task.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (TimeoutException)
            {
                // poll again: the process may have exited without printing
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Output not seen within {timeout}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
            }
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; after <paramref name="timeout"/> (90 s) throws with the bot's last lines.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        if (!await Wait.ForAsync(condition, limit))
        {
            var lines = (StandardOutput + StandardError).Split('\n').TakeLast(40);
            throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}. The bot's last lines:\n{string.Join('\n', lines)}");
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Unix: no shutdown code runs) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot did not exit within {timeout}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.AppendLine(line);
        }

        while (_waiters.TryDequeue(out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
