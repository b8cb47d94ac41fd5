using ReleaseBot.Bench.Discord;
using ReleaseBot.Bench.Hub;
using ReleaseBot.Bench.Scale;
using ReleaseBot.Bench.Telegram;

// One benchmark per argument: `dotnet run --project bench/ReleaseBot.Bench -c Release -- hub|telegram|telegram-commands|discord|mixed|scale`.
return args.FirstOrDefault() switch
{
    "hub" => await HubBench.RunAsync(),
    "telegram" => await TelegramFanOutBench.RunAsync(args.Skip(1).ToArray()),
    "telegram-commands" => await TelegramCommandsBench.RunAsync(args.Skip(1).ToArray()),
    "discord" => await DiscordFanOutBench.RunAsync(args.Skip(1).ToArray()),
    "mixed" => await DiscordFanOutBench.RunMixedAsync(args.Skip(1).ToArray()),
    "scale" => await ScaleBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: ReleaseBot.Bench <hub|telegram [chats] [scale] [globalShare] [events]|telegram-commands [privates] [groups]|discord [channels] [scale]|mixed [chats]|scale [releases] [subscriptions] [commands]>");
    return 2;
}
