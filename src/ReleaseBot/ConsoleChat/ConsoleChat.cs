using ReleaseBot.Core.Domain;

namespace ReleaseBot.ConsoleChat;

/// <summary>The one chat of the console adapter.</summary>
public static class ConsoleChat
{
    public static ChatAddress Address { get; } = new(Platform.Console, "console");

    /// <summary>Stable subscription id of the console chat.</summary>
    public const string SubscriptionId = "console";
}
