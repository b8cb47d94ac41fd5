namespace ReleaseBot.Core.Commands;

/// <summary>Every command, for /help, Telegram setMyCommands and Discord command registration.</summary>
public static class CommandCatalog
{
    /// <summary>Vendors, mode, modalities (several), minimum size, official only or derivatives too, rank alerts; see <see cref="SubscribeWords"/>.</summary>
    private static readonly string SubscribeUsage =
        $"/subscribe [vendors…|{SubscribeWords.AllVendors}] [instant|digest|both] [{string.Join('|', SubscribeWords.Modalities.Select(m => m.Word))}…|{SubscribeWords.AnyModality}] "
        + $"[{SubscribeWords.MinPrefix}30b] [{SubscribeWords.Official}|{SubscribeWords.Derivatives}] [{SubscribeWords.RanksPrefix}{SubscribeWords.On}|{SubscribeWords.Off}]";

    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        new("latest", "/latest [vendor] [count]", "Newest open-model releases, optionally of one vendor (count 1–20)", "最新开源模型发布，可按厂商筛选（数量 1–20）", false),
        new("rank", "/rank [top]", "Hugging Face trending now, with vendors (top 1–50)", "Hugging Face 当前热榜及厂商（前 1–50 名）", false),
        new("vendors", "/vendors", "Known vendors, country and share of the trending top 10", "已知厂商、国家及热榜前十占比", false),
        new("vendor", "/vendor <name>", "One vendor: names, Hub orgs, families, recent releases", "单个厂商：名称、Hub 组织、模型系列、近期发布", false),
        new("model", "/model <owner/name>", "Details of one model repo", "单个模型仓库的详情", false),
        new("subscribe", SubscribeUsage, "Subscribe this chat, e.g. /subscribe qwen text min:30b (Telegram channel: /subscribe @channel …)", "为本聊天订阅，如 /subscribe qwen text min:30b（Telegram 频道：私聊中 /subscribe @频道 …）", true),
        new("unsubscribe", "/unsubscribe", "Stop all messages to this chat", "取消本聊天的全部推送", true),
        new("settings", "/settings", "Show this chat's filters, mode, digest time and watches", "查看本聊天的筛选、模式、摘要时间和关注", false),
        new("digest", "/digest <HH:mm> [time zone]", "Daily digest at a local time, e.g. /digest 09:00 Asia/Shanghai", "每日摘要时间，例如 /digest 09:00 Asia/Shanghai", true),
        new("watch", "/watch [add|remove] <owner/pattern*>", "Watch repo ids, e.g. /watch stepfun-ai/step3*; /watch alone lists", "关注仓库名，如 /watch stepfun-ai/step3*；单独 /watch 列出", true),
        new("why", "/why <owner/name>", "Why a model was or was not announced here", "解释某模型为何（未）在此推送", false),
        new("lang", "/lang <en|zh>", "Reply language of this chat", "设置本聊天的回复语言", true),
        new("status", "/status", "Bot health: last Hub poll, pending deliveries, last error per platform", "机器人运行状态：上次 Hub 轮询、待发推送、各平台最近错误", true),
        new("help", "/help", "This list", "命令列表", false),
    ];

    public static CommandInfo? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
