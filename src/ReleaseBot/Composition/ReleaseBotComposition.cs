using Microsoft.Extensions.Hosting;
using ReleaseBot.Discord;
using ReleaseBot.HuggingFace;
using ReleaseBot.LiteDb;
using ReleaseBot.Telegram;
using ReleaseBot.Web.Health;

namespace ReleaseBot.Composition;

public static class ReleaseBotComposition
{
    /// <summary>
    /// Every part of the bot, in start order: the store opens, the bundled history is imported,
    /// then commands, delivery, sources and chat adapters, then telemetry and health. Program.cs and the test host use this one list.
    /// Each project registers itself (AddLiteDbStore, AddHuggingFace, AddTelegram, AddDiscord); the host only composes.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBot(this IHostApplicationBuilder builder)
    {
        builder.AddLiteDbStore();
        builder.AddReleaseBotSeed();
        builder.AddReleaseBotCommands();
        builder.AddReleaseBotDelivery();
        builder.AddHuggingFace();
        builder.AddTelegram();
        builder.AddDiscord();
        builder.AddReleaseBotConsole();
        builder.AddReleaseBotTelemetry();
        // Last: it serves on the webhook listener when the URLs match, so it must see whether one was added.
        builder.AddReleaseBotHealth();
        return builder;
    }
}
