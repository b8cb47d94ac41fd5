using ReleaseBot.Bench.Hub;
using ReleaseBot.Bench.Scale;
using ReleaseBot.Bench.Telegram;

// One benchmark per argument: `dotnet run --project bench/ReleaseBot.Bench -c Release -- hub|telegram|scale`.
return args.FirstOrDefault() switch
{
    "hub" => await HubBench.RunAsync(),
    "telegram" => await TelegramFanOutBench.RunAsync(args.Skip(1).ToArray()),
    "scale" => await ScaleBench.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: ReleaseBot.Bench <hub|telegram [chats] [scale] [globalShare] [events]|scale [releases] [subscriptions]>");
    return 2;
}
