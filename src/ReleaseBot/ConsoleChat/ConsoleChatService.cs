using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.ConsoleChat;

/// <summary>
/// The console chat: each line of standard input is a command, answered on standard output.
/// The chat is subscribed to everything on first start; end of input stops the host (exit code 0).
/// </summary>
public sealed partial class ConsoleChatService(
    ConsoleIo io,
    ICommandRouter router,
    ISubscriptionStore subscriptions,
    ChatSettings settings,
    IOptions<ConsoleOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureSubscribedAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Reading stdin blocks a thread; let the rest of start-up go on first.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var line = await io.Input.ReadLineAsync(stoppingToken);
            if (line is null)
            {
                Log.EndOfInput(logger);
                if (options.Value.StopOnEndOfInput)
                {
                    lifetime.StopApplication();
                }

                return;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var reply = await AnswerAsync(line.StartsWith('/') ? line : "/" + line, stoppingToken);
            await io.WriteBlockAsync(ConsoleRenderer.Render(reply), stoppingToken);
        }
    }

    private async Task<Reply> AnswerAsync(string text, CancellationToken cancellationToken)
    {
        var request = new CommandRequest
        {
            Chat = ConsoleChat.Address,
            ChatTitle = "console",
            IsPrivate = true,
            SenderId = "console",
            Text = text,
            Environment = ConsoleChatEnvironment.Instance,
        };
        try
        {
            return await router.HandleAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CommandFailed(logger, ex);
            return Reply.Error("Something went wrong answering that command; nothing was changed.");
        }
    }

    private async Task EnsureSubscribedAsync(CancellationToken cancellationToken)
    {
        if (await subscriptions.GetSubscriptionAsync(ConsoleChat.SubscriptionId, cancellationToken) is not null)
        {
            return;
        }

        var language = string.Equals(options.Value.Language, "zh", StringComparison.OrdinalIgnoreCase) ? Language.Zh : Language.En;
        await subscriptions.UpsertSubscriptionAsync(settings.Create(ConsoleChat.Address, "console", "console", language) with
        {
            Id = ConsoleChat.SubscriptionId,
            Filter = SubscriptionFilter.All with { OfficialOnly = false },
            Mode = DeliveryMode.Both,
        }, cancellationToken);
        Log.Subscribed(logger);
    }

    private static partial class Log
    {
        [LoggerMessage(9101, LogLevel.Information, "Console chat subscribed to every release")]
        public static partial void Subscribed(ILogger logger);

        [LoggerMessage(9102, LogLevel.Information, "Standard input closed")]
        public static partial void EndOfInput(ILogger logger);

        [LoggerMessage(9103, LogLevel.Error, "A console command failed")]
        public static partial void CommandFailed(ILogger logger, Exception exception);
    }
}
