using Microsoft.Extensions.Hosting;

namespace ReleaseBot.Composition;

public static class ReleaseBotComposition
{
    /// <summary>
    /// Every part of the bot, in start order: the store opens, the bundled history is imported,
    /// then commands, delivery, sources and chat adapters. Program.cs and the test host use this one list.
    /// </summary>
    public static IHostApplicationBuilder AddReleaseBot(this IHostApplicationBuilder builder)
    {
        builder.AddReleaseBotStore();
        builder.AddReleaseBotSeed();
        builder.AddReleaseBotCommands();
        builder.AddReleaseBotDelivery();
        builder.AddReleaseBotHuggingFace();
        builder.AddReleaseBotTelegram();
        builder.AddReleaseBotDiscord();
        builder.AddReleaseBotConsole();
        return builder;
    }
}
