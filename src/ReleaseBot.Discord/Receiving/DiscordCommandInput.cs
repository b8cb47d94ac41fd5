using System.Diagnostics.CodeAnalysis;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Replies;

namespace ReleaseBot.Discord.Receiving;

/// <summary>An interaction read as a command: the request for the router, or the answer when the options were refused.</summary>
public sealed record DiscordCommandInput(DiscordInvocation Invocation, CommandRequest? Request, Reply? Refusal)
{
    [MemberNotNullWhen(true, nameof(Request))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Accepted => Request is not null;
}
