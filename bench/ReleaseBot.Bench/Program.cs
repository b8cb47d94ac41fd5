using ReleaseBot.Bench.Discord;
using ReleaseBot.Bench.Hub;
using ReleaseBot.Bench.Telegram;

// One benchmark per argument: `dotnet run --project bench/ReleaseBot.Bench -c Release -- hub|telegram|telegram-commands|discord|mixed`.
return args.FirstOrDefault() switch
{
    "hub" => await HubBench.RunAsync(),
    "telegram" => await TelegramFanOutBench.RunAsync(args.Skip(1).ToArray()),
    "telegram-commands" => await TelegramCommandsBench.RunAsync(args.Skip(1).ToArray()),
    "discord" => await DiscordFanOutBench.RunAsync(args.Skip(1).ToArray()),
    "mixed" => await DiscordFanOutBench.RunMixedAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: ReleaseBot.Bench <hub|telegram [chats] [scale] [globalShare] [events]|telegram-commands [privates] [groups]|discord [channels] [scale]|mixed [chats]>");
    return 2;
}
