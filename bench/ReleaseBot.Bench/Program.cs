using ReleaseBot.Bench.Hub;

// One benchmark per argument: `dotnet run --project bench/ReleaseBot.Bench -c Release -- hub`.
return args.FirstOrDefault() switch
{
    "hub" => await HubBench.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: ReleaseBot.Bench <hub>");
    return 2;
}
