namespace ReleaseBot.Discord.Commands;

/// <summary>The option names shared by the command definitions and the interaction translator.</summary>
public static class DiscordOptionNames
{
    public const string Vendor = "vendor";
    public const string Count = "count";
    public const string Top = "top";
    public const string Name = "name";
    public const string Repo = "repo";
    public const string Vendors = "vendors";
    public const string Mode = "mode";
    public const string Channel = "channel";
    public const string Modality = "modality";
    public const string MinParams = "min_params";
    public const string Official = "official";
    public const string RankAlerts = "rank_alerts";
    public const string Time = "time";
    public const string Zone = "zone";
    public const string Pattern = "pattern";
    public const string Action = "action";
    public const string Language = "language";
}
