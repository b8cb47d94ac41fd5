using Microsoft.Extensions.Hosting;
using ReleaseBot.Composition;

var builder = ReleaseBotHost.CreateBuilder(args);
builder.AddReleaseBot();
await builder.Build().RunAsync();
