namespace ReleaseBot.Core.Domain;

/// <summary>The language a chat reads its replies in.</summary>
public enum Language
{
    En = 0,
    Zh = 1,
}
