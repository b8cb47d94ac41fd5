using Microsoft.Extensions.Hosting;
using ReleaseBot.Composition;

var builder = ReleaseBotHost.CreateBuilder(args);
builder.AddReleaseBotStore();
builder.AddReleaseBotSeed();
builder.AddReleaseBotCommands();
builder.AddReleaseBotDiscord();
builder.AddReleaseBotConsole();
await builder.Build().RunAsync();
