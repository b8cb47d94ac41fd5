using Microsoft.Extensions.Hosting;
using ReleaseBot.Composition;

var builder = ReleaseBotHost.CreateBuilder(args);
builder.AddReleaseBotConsole();
await builder.Build().RunAsync();
