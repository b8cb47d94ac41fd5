namespace ReleaseBot.Discord.Commands;

/// <summary>Application command option types (https://docs.discord.com/developers/interactions/application-commands#application-command-object-application-command-option-type).</summary>
public enum DiscordOptionType
{
    String = 3,
    Integer = 4,
    Boolean = 5,
    Channel = 7,
}
