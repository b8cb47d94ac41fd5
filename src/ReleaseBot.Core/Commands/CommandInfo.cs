namespace ReleaseBot.Core.Commands;

/// <summary>A command's name, usage and descriptions, for /help, Telegram setMyCommands and Discord registration.</summary>
public sealed record CommandInfo(string Name, string Usage, string DescriptionEn, string DescriptionZh, bool NeedsAdmin);
