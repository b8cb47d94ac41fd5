namespace ReleaseBot.Core.Domain;

/// <summary>A chat platform the bot speaks on.</summary>
public enum Platform
{
    Console = 0,
    Telegram = 1,
    Discord = 2,
}
