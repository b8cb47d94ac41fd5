using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReleaseBot.Composition;
using ReleaseBot.LiteDb;

var builder = ReleaseBotHost.CreateBuilder(args);
builder.AddReleaseBot();
try
{
    await builder.Build().RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException || ex is InvalidOperationException { InnerException: FormatException })
{
    // A bad setting: say which, briefly, and exit non-zero (the host has logged the details).
    await Console.Error.WriteLineAsync($"ReleaseBot cannot start: {ex.Message}");
    return 2;
}
catch (StoreOpenException ex)
{
    // The data file will not open (the file is left as it was): 3 when it is unreadable, 4 when another bot has it.
    await Console.Error.WriteLineAsync($"ReleaseBot cannot start: {ex.Message}");
    return ex.Failure == StoreOpenFailure.InUse ? 4 : 3;
}
