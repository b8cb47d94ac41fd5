using System.Text.Json;

namespace ReleaseBot.Discord.Gateway;

/// <summary>One dispatch on its way from the connection to the <see cref="IGatewayDispatchHandler"/>.</summary>
internal sealed record GatewayDispatch(string EventName, JsonElement Data, long Sequence);
