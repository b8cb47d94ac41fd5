namespace ReleaseBot.Core.Ports;

public enum ChannelCheckStatus
{
    Ok = 0,
    NotSupported = 1,
    NotFound = 2,
    BotCannotPost = 3,
    SenderNotAdmin = 4,
}

/// <summary>The answer to <see cref="IChatEnvironment.CheckChannelAsync"/>.</summary>
public sealed record ChannelCheck(ChannelCheckStatus Status, string? ChatId = null, string? Title = null)
{
    public static ChannelCheck NotSupported { get; } = new(ChannelCheckStatus.NotSupported);
}
