using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Commands.Handlers;
using ReleaseBot.Core.Text;
using N = ReleaseBot.Discord.Commands.DiscordOptionNames;

namespace ReleaseBot.Discord.Commands;

/// <summary>
/// The body of one bulk overwrite (<c>PUT /applications/{id}/commands</c>): every command of <see cref="CommandCatalog"/>
/// with typed options, Chinese descriptions for zh-CN, and Manage Channels as the default permission of management
/// commands (admins may widen it per server; the handlers check the member's permissions again).
/// </summary>
public static class DiscordSlashCommands
{
    public const string ChineseLocale = "zh-CN";
    public const int MaxDescription = 100;

    /// <summary>MANAGE_CHANNELS (1 &lt;&lt; 4).</summary>
    public const string ManageChannels = "16";

    /// <summary>Text channels and announcement channels: where posts can go.</summary>
    public static readonly IReadOnlyList<int> PostableChannelTypes = [0, 5];

    private static readonly Dictionary<string, (string En, string Zh)> DescriptionOverrides = new(StringComparer.Ordinal)
    {
        // The catalog's text explains the Telegram channel flow; on Discord the channel is an option.
        ["subscribe"] = ("Post new releases in this channel, or in the channel you pick", "在本频道（或所选频道）推送新发布"),
    };

    public static IReadOnlyList<DiscordCommandDefinition> Build() => [.. CommandCatalog.All.Select(Define)];

    private static DiscordCommandDefinition Define(CommandInfo info)
    {
        var (en, zh) = DescriptionOverrides.GetValueOrDefault(info.Name, (info.DescriptionEn, info.DescriptionZh));
        var options = OptionsOf(info.Name);
        return new DiscordCommandDefinition
        {
            Name = info.Name,
            Description = Cut(en),
            DescriptionLocalizations = Zh(zh),
            Options = options.Count > 0 ? options : null,
            DefaultMemberPermissions = info.NeedsAdmin ? ManageChannels : null,
            // Management belongs to a server's channels; reading works in a DM with the bot too.
            Contexts = info.NeedsAdmin ? [0] : [0, 1],
        };
    }

    private static List<DiscordCommandOption> OptionsOf(string command) => command switch
    {
        "latest" => [Text(N.Vendor, "Vendor, e.g. qwen or deepseek", "厂商，例如 qwen 或 deepseek", autocomplete: true),
            Number(N.Count, $"How many (1–{LatestCommand.MaxCount})", $"数量（1–{LatestCommand.MaxCount}）", 1, LatestCommand.MaxCount)],
        "rank" => [Number(N.Top, $"How many places (1–{RankCommand.MaxTop})", $"显示前几名（1–{RankCommand.MaxTop}）", 1, RankCommand.MaxTop)],
        "vendor" => [Text(N.Name, "Vendor name, org or family", "厂商名称、组织或模型系列", required: true, autocomplete: true)],
        "model" or "why" => [Text(N.Repo, "Repo id owner/name or its Hugging Face URL", "仓库 ID owner/name 或 Hugging Face 链接", required: true, maxLength: 200)],
        "subscribe" =>
        [
            Text(N.Vendors, "Only these vendors, e.g. qwen, deepseek (all: every vendor)", "只推送这些厂商，如 qwen, deepseek（all：全部）", maxLength: 200),
            Choice(N.Mode, "Instant posts, a daily digest, or both", "即时推送、每日摘要或两者", false,
                ("instant", "即时"), ("digest", "摘要"), ("both", "两者")),
            Choice(N.Modality, "Only models of this kind (any: every kind)", "只推送这类模型（any：全部）", false,
                [.. SubscribeWords.Modalities.Select(m => (m.Word, Texts.Chinese.ModalityName(m.Modality))), (SubscribeWords.AnyModality, "任意")]),
            Text(N.MinParams, "Smallest model to post, e.g. 30b, 1.5b or 500m (0: no minimum)", "最小参数量，如 30b、1.5b 或 500m（0：不限）", maxLength: 12),
            Boolean(N.Official, "True: official releases only; false: fine-tunes and quantisations too", "是：仅官方发布；否：也推送微调和量化等衍生模型"),
            Boolean(N.RankAlerts, "Post moves in the Hugging Face trending list", "推送 Hugging Face 热榜变动"),
            Channel("Channel to post in (default: this one)", "推送到的频道（默认：本频道）"),
        ],
        "unsubscribe" => [Channel("Channel to stop (default: this one)", "要停止推送的频道（默认：本频道）")],
        "digest" =>
        [
            Text(N.Time, "Local time HH:mm, e.g. 09:00", "当地时间 HH:mm，例如 09:00", required: true, maxLength: 5),
            Text(N.Zone, "IANA time zone, e.g. Asia/Shanghai", "IANA 时区，例如 Asia/Shanghai", autocomplete: true, maxLength: 64),
        ],
        "watch" =>
        [
            Text(N.Pattern, "Repo id pattern, e.g. stepfun-ai/step3* (none: list)", "仓库名模式，如 stepfun-ai/step3*（留空：列出）", maxLength: 100),
            Choice(N.Action, "Add (default) or remove the pattern", "添加（默认）或移除该模式", false, ("add", "添加"), ("remove", "移除")),
        ],
        "lang" => [Choice(N.Language, "Reply language", "回复语言", true, ("en", "英文 en"), ("zh", "中文 zh"))],
        _ => [],
    };

    private static DiscordCommandOption Text(string name, string en, string zh, bool required = false, bool autocomplete = false, int maxLength = 100) => new()
    {
        Type = DiscordOptionType.String, Name = name, Description = Cut(en), DescriptionLocalizations = Zh(zh),
        Required = required, Autocomplete = autocomplete, MaxLength = maxLength,
    };

    private static DiscordCommandOption Number(string name, string en, string zh, int min, int max) => new()
    {
        Type = DiscordOptionType.Integer, Name = name, Description = Cut(en), DescriptionLocalizations = Zh(zh), MinValue = min, MaxValue = max,
    };

    private static DiscordCommandOption Choice(string name, string en, string zh, bool required, params (string Value, string Zh)[] choices) => new()
    {
        Type = DiscordOptionType.String, Name = name, Description = Cut(en), DescriptionLocalizations = Zh(zh), Required = required,
        Choices = [.. choices.Select(c => new DiscordCommandChoice(c.Value, c.Value, Zh(c.Zh)))],
    };

    private static DiscordCommandOption Boolean(string name, string en, string zh) => new()
    {
        Type = DiscordOptionType.Boolean, Name = name, Description = Cut(en), DescriptionLocalizations = Zh(zh),
    };

    private static DiscordCommandOption Channel(string en, string zh) => new()
    {
        Type = DiscordOptionType.Channel, Name = N.Channel, Description = Cut(en), DescriptionLocalizations = Zh(zh), ChannelTypes = PostableChannelTypes,
    };

    private static Dictionary<string, string> Zh(string text) => new(StringComparer.Ordinal) { [ChineseLocale] = Cut(text) };

    private static string Cut(string text) =>
        text.Length <= MaxDescription ? text : string.Concat(text.AsSpan(0, MaxDescription - 1), "…");
}
