using ReleaseBot.Bench.Telegram;

var benchmark = args.FirstOrDefault()?.ToLowerInvariant();
switch (benchmark)
{
    case "telegram":
        return await TelegramFanOutBench.RunAsync(args.Skip(1).ToArray());
    default:
        Console.WriteLine("ReleaseBot benchmarks: dotnet run --project bench/ReleaseBot.Bench -c Release -- <telegram>");
        return benchmark is null ? 0 : 2;
}
