namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>A client broke a gateway rule; the fake closes the socket with <see cref="Code"/> (reference/discord.md §2.7).</summary>
internal sealed class GatewayViolation(int code, string reason) : Exception(reason)
{
    public int Code => code;
}
