using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Text;

public sealed class ChineseTexts : Texts
{
    public override string Yes => "是";
    public override string No => "否";
    public override string None => "无";
    public override string All => "全部";
    public override string Unknown => "未知";
    public override string InternalError => "机器人内部出错，未做任何更改，请稍后再试。";
    public override string TooManyArguments => "参数过多。";
    public override string UsageLine(string usage) => $"用法：{usage}";
    public override string TooLong(int max) => $"消息过长（超过 {max} 个字符），未做任何更改。";
    public override string UnknownCommand(string typed) => $"未知命令 {typed}。发送 /help 查看命令列表。";
    public override string NeedsAdmin(string command) => $"只有本聊天的管理员可以使用 {command}，未做任何更改。";
    public override string CountOutOfRange(string typed, int min, int max) => $"“{typed}”不是有效数量：请使用 {min} 到 {max} 之间的整数。";

    public override string CountryName(string code) => code.ToUpperInvariant() switch
    {
        "CN" => "中国",
        "US" => "美国",
        "FR" => "法国",
        "DE" => "德国",
        "GB" or "UK" => "英国",
        "CA" => "加拿大",
        "AE" => "阿联酋",
        _ => code,
    };

    public override string VendorWithCountry(string vendor, string countryCode) => $"{vendor}（{CountryName(countryCode)}）";

    public override string ModalityName(Modality modality) => modality switch
    {
        Modality.Text => "文本",
        Modality.Vision => "视觉语言",
        Modality.Image => "图像生成",
        Modality.Video => "视频",
        Modality.Audio => "音频",
        Modality.ThreeD => "3D / 世界",
        Modality.Multimodal => "多模态",
        Modality.Other => "其他",
        _ => "未知",
    };

    public override string ModeName(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Digest => "仅每日摘要",
        DeliveryMode.Both => "即时推送和每日摘要",
        _ => "即时推送",
    };

    public override string LanguageName(Language language) => language == Language.Zh ? "中文" : "English（英文）";

    public override string DiscoveryName(DiscoveryPath path) => path switch
    {
        DiscoveryPath.Seed => "内置的发布历史",
        DiscoveryPath.VendorPoll => "轮询厂商的 Hub 组织",
        DiscoveryPath.Trending => "Hugging Face 热榜",
        DiscoveryPath.Webhook => "Hub Webhook",
        _ => "手动录入",
    };

    public override string ParamsTotalActive(string total, string active) => $"总参数 {total} / 激活 {active}";

    public override string AllVendors => "全部厂商";
    public override string SeeVendors => "/vendors 列出所有已知厂商。";
    public override string NoVendors => "尚未配置任何厂商。";
    public override string VendorArgMissing => "哪个厂商？请给出名称，例如 /vendor 通义。";
    public override string RecentReleases => "近期发布";
    public override string UnknownVendor(string typed) => $"未知厂商“{typed}”。";
    public override string DidYouMean(string names) => $"你是不是想找：{names}？";
    public override string UnknownOwner(string owner) => $"{owner}（非已知厂商）";
    public override string VendorsTitle(int count) => $"厂商（{count}）";
    public override string VendorShare(int seats, int places) => $"热榜前 {places} 占 {seats} 席";
    public override string VendorsFooter(string date) => $"热榜占比按 {date} 快照中的已知条目计算。";
    public override string VendorTrending(int seats, int places, string date, string source) => $"{RankTitle(date, source)}：前 {places} 名中占 {seats} 席";

    public override string RepoArgMissing => "哪个模型？请给出仓库名，例如 zai-org/GLM-4.5。";
    public override string ModelPage => "模型页面";
    public override string BaseModelPage => "基础模型";
    public override string NoModelCard => "无（Hub 上没有 README）";
    public override string NoModelCardWarning => "⚠ 无模型卡：该仓库还没有 README。";
    public override string AnnouncedShort => "已官宣";
    public override string ReleasedLaterShort => "先官宣，权重后来公开";
    public override string StatusAnnouncedOn(string? date) =>
        date is null ? "已官宣，权重尚未公开（日期未记录）" : $"{date} 官宣，当时权重尚未公开";
    public override string StatusReleasedBy(string? date) =>
        date is null ? "权重后来在 Hub 上公开（日期未记录）" : $"权重最晚于 {date} 在 Hub 上公开";
    public override string FieldCaveats => "注意";
    public override string CaveatText(ReleaseCaveat caveat) => caveat switch
    {
        ReleaseCaveat.LicenceFromCatalogue => "许可证取自第三方目录，并非读自 Hub",
        ReleaseCaveat.ResearchOnlyTerms => "项目自身条款仅允许研究用途（不可商用），与 Hub 上的许可证无关",
        ReleaseCaveat.RepoIdUnverified => "仓库名未在 Hub 上核实（按厂商命名规则推断）",
        _ => caveat.ToString(),
    };
    public override string TrendingPlace(int rank, string date) => $"第 {rank} 名（{date} 快照）";
    public override string DerivativeShort => "衍生";
    public override string FieldVendor => "厂商";
    public override string FieldParams => "参数量";
    public override string FieldLicence => "许可证";
    public override string FieldModality => "模态";
    public override string FieldGated => "需申请访问";
    public override string FieldModelCard => "模型卡";
    public override string FieldTrending => "热榜";
    public override string FieldPrevious => "此前";
    public override string FieldBaseModel => "衍生模型";
    public override string FieldStatus => "状态";
    public override string FieldDate => "日期";
    public override string FieldCountry => "国家";
    public override string FieldOrgs => "Hub 组织";
    public override string FieldFamilies => "模型系列";
    public override string BadRepoId(string typed) => $"“{typed}”不是仓库名：请使用 owner/name 格式，例如 zai-org/GLM-4.5。";
    public override string ModelNotKnown(string repoId) => $"我还没见过 {repoId}。/why {repoId} 可说明它会被如何处理。";
    public override string DerivativeOf(string baseModel) => $"基于 {baseModel} 的衍生模型";
    public override string DerivativeOfVendor(string baseModel, string vendor) => $"基于 {baseModel}（{vendor}）的衍生模型";
    public override string LatestTitle(int count, string? vendor) => vendor is null ? $"最新 {count} 个发布" : $"最新 {count} 个发布 — {vendor}";
    public override string NoReleases(string? vendor) => vendor is null ? "暂无已知发布。" : $"暂无 {vendor} 的已知发布。";
    public override string NewReleaseHeadline(string vendor) => $"{vendor} 发布新模型";
    public override string WatchHitHeadline(string pattern) => $"你关注的 {pattern} 有新仓库";

    public override string NoRanking => "暂无热榜快照。";
    public override string RankNotKnown => "未知";
    public override string RepoNotKnown => "（仓库未知）";
    public override string RankTitle(string date, string source) =>
        source == "seed" ? $"Hugging Face 热榜，{date}（据报道）" : $"Hugging Face 热榜，{date}";
    public override string ChineseShare(int chinese, int known, int places) =>
        known == places ? $"{places} 个条目中有 {chinese} 个来自中国厂商。" : $"{known} 个已知条目中有 {chinese} 个来自中国厂商（{places} 个名次中 {places - known} 个未知）。";
    public override string RankReachedFirst(string repoId) => $"{repoId} 登上 Hugging Face 热榜第 1 名";
    public override string RankEnteredTop(string repoId, int rank) =>
        rank <= 10 ? $"{repoId} 进入热榜前 10，位列第 {rank} 名" : $"{repoId} 进入热榜，位列第 {rank} 名";
    public override string RankClimbed(string repoId, int places, int rank) => $"{repoId} 上升 {places} 名，至第 {rank} 名";

    public override string StatusTitle => "机器人状态";
    public override string StatusReady => "就绪";
    public override string StatusHubPoll => "上次 Hub 轮询";
    public override string StatusPollOff => "已关闭（ReleaseBot:HuggingFace:Enabled 为 false）";
    public override string StatusNoPollYet => "尚无成功的轮询";
    public override string StatusDeliveries => "推送";
    public override string StatusConnected => "已连接";
    public override string StatusNotConnected => "未连接";
    public override string StatusNoErrors => "无错误";
    public override string StatusAgo(string at, int minutes) => $"{at}（{minutes} 分钟前）";
    public override string StatusQueue(int pending, int failed, int sent) => $"待发 {pending}，失败 {failed}，已发 {sent}";
    public override string StatusLastError(string error, string at) => $"最近错误（{at}）：{error}";

    public override string NotSubscribed => "本聊天未订阅。";
    public override string NotSubscribedHint => "本聊天尚未订阅。请先使用 /subscribe。";
    public override string Subscribed => "已订阅。";
    public override string SubscriptionUpdated => "订阅已更新。";
    public override string SubscriptionResumed => "订阅已恢复。";
    public override string Unsubscribed => "已取消订阅：此处不再推送发布和摘要。/subscribe 可重新订阅。";
    public override string SeeSettings => "/settings 查看全部设置；/digest 设置摘要时间。";
    public override string OneModeOnly => "只能指定一种模式：instant、digest 或 both。";
    public override string BadMinSize(string typed) => $"“{typed}”不是有效的最小参数量：请写 min:30b、min:1.5b 或 min:500m（min:0 取消下限）。";
    public override string BadRanksSwitch(string typed) => $"“{typed}”不是热榜提醒开关：请写 ranks:on 或 ranks:off。";
    public override string ArgumentsConflict(string first, string second) => $"“{first}”与“{second}”互相矛盾：请只保留一个。";
    public override string FilterSummary(string modalities, string minParams, string officialOnly, string rankAlerts) =>
        $"模态：{modalities}。最小参数量：{minParams}。仅官方发布：{officialOnly}。热榜提醒：{rankAlerts}。";
    public override string ChannelTelegramOnly => "通过 @名称 订阅频道仅适用于 Telegram。";
    public override string ChannelFromPrivateChat => "请在与我的私聊中发送 /subscribe @频道（或频道的数字 ID）。";
    public override string ChannelWelcome => "ReleaseBot 将在此发布新的开源模型。";
    public override string ChannelFirstPostFailed => "向频道发送首条消息失败，请确认我有发帖权限。";
    public override string Active => "生效中";
    public override string DigestOff => "当前模式不发送摘要";
    public override string SettingsReadOnly => "/settings 不接受参数：请用 /subscribe、/digest、/watch 或 /lang 修改。";
    public override string SettingsFooter => "修改：/subscribe、/digest、/watch、/lang。";
    public override string FieldState => "状态";
    public override string FieldVendors => "厂商";
    public override string FieldModalities => "模态";
    public override string FieldMinParams => "最小参数量";
    public override string FieldOfficialOnly => "仅官方发布";
    public override string FieldRankAlerts => "热榜提醒";
    public override string FieldMode => "模式";
    public override string FieldDigest => "摘要";
    public override string FieldLanguage => "语言";
    public override string FieldWatches => "关注";
    public override string SubscriptionSummary(string vendors, string mode) => $"厂商：{vendors}。模式：{mode}。";
    public override string ChannelNotFound(string channel) => $"找不到 {channel}，请检查 @名称。";
    public override string ChannelBotCannotPost(string channel) => $"我无法在 {channel} 发帖：请把我设为该频道管理员并授予发帖权限，然后重试。";
    public override string ChannelSenderNotAdmin(string channel) => $"只有 {channel} 的管理员可以为其订阅。";
    public override string Paused(string reason) => $"已暂停：{reason}";
    public override string SettingsTitle(string chat) => $"{chat} 的设置";

    public override string DigestArgMissing => "请给出时间，例如 /digest 09:00 Asia/Shanghai。";
    public override string DigestNothingNew => "此期间没有新发布。";
    public override string DigestRankMoves => "热榜变化";
    public override string DigestNoMoves => "前 10 名无变化。";
    public override string DigestFooter => "/settings 修改摘要时间；/latest 查看更多。";
    public override string OtherOwners => "其他发布者";
    public override string BadTime(string typed) => $"“{typed}”不是时间：请使用 24 小时制 HH:mm，例如 09:00 或 21:30。";
    public override string UnknownZone(string typed) => $"未知时区“{typed}”：请使用 IANA 名称，例如 Asia/Shanghai、Europe/Berlin 或 UTC。";
    public override string DigestSet(string time, string zone, string mode) => $"每日摘要时间：{time}（{zone}）。模式：{mode}。";
    public override string DigestTitle(string date) => $"每日摘要，{date}";
    public override string DigestNew(int count) => $"新发布（{count}）";
    public override string DigestTopOn(int top, string date) => $"热榜前 {top}（{date} 快照）";
    public override string MoreNotShown(int count) => $"……另有 {count} 个（/latest 查看）。";

    public override string WatchArgMissing => "请给出匹配模式，例如 /watch stepfun-ai/step3*。";
    public override string NoWatches => "此处没有关注。添加：/watch stepfun-ai/step3*";
    public override string WatchListTitle => "本聊天的关注";
    public override string WatchRemoveHint => "/watch remove <模式> 可删除。";
    public override string BadPattern(string typed) => $"“{typed}”不是有效的关注模式：请使用 owner/name，可含字母、数字、- _ . 以及通配符 * 和 ?，例如 stepfun-ai/step3*。";
    public override string PatternTooBroad(string typed, int minLiterals) => $"“{typed}”范围过宽：至少需要 {minLiterals} 个字母或数字。";
    public override string WatchAdded(string pattern) => $"已关注 {pattern}：匹配的新仓库将在此推送。";
    public override string WatchExists(string pattern) => $"已在关注 {pattern}。";
    public override string WatchRemoved(string pattern) => $"已取消关注 {pattern}。";
    public override string WatchNotFound(string pattern) => $"本聊天没有关注 {pattern}。/watch 可列出全部。";
    public override string TooManyWatches(int max) => $"本聊天已有 {max} 个关注，已达上限。请先删除一个。";

    public override string WhyOfficial => "官方发布：发布在厂商自己的组织下。";
    public override string WhyNoSubscription => "本聊天未订阅，因此不会在此推送（/subscribe）。";
    public override string WhyAccepted => "本聊天的筛选条件接受它。";
    public override string WhyAcceptedDigestOnly => "本聊天的筛选条件接受它；它会进入每日摘要（当前模式无即时推送）。";
    public override string WhyRejected => "本聊天的筛选条件排除了它：";
    public override string RejectNotOfficial => "仅接收官方发布，而这是衍生模型";
    public override string WhyNotSeen(string repoId) => $"我还没在 Hub 上见过 {repoId}，因此没有推送。";
    public override string WhyFoundBy(string path, string detectedAt) => $"通过{path}发现，首次发现于 {detectedAt}。";
    public override string WhyRenamed(string asked, string current) => $"{asked} 已更名为 {current}。";
    public override string WhyOwnerVendor(string owner, string vendor) => $"所有者 {owner} 是 {vendor} 的组织，其仓库归属 {vendor}。";
    public override string WhyOwnerUnknown(string owner) => $"所有者 {owner} 不是已知厂商的组织：不会被轮询，其仓库不归属任何厂商。";
    public override string WhyDerivative(string baseModel) => $"衍生模型（不在厂商自己的组织下），基于 {baseModel}。";
    public override string WhyPaused(string reason) => $"本聊天的订阅已暂停：{reason}。/subscribe 可恢复。";
    public override string WhySeed => "它来自内置的发布历史，仅作背景资料，从不推送。";
    public override string WhyBeforeSubscription => "它在本聊天订阅之前就已被发现，因此没有在此推送。";
    public override string WhyNotPlanned => "没有为本聊天安排它的推送。";
    public override string WhyPending => "它的推送已排队，即将发送。";
    public override string WhySent(string sentAt) => $"已于 {sentAt} 在此推送。";
    public override string WhyFailed(string error) => $"向本聊天推送失败：{error}。";
    public override string WhyDropped => "由于本聊天的订阅已暂停或取消，它的推送被放弃。";
    public override string RejectVendor(string vendors) => $"厂商限定为 {vendors}";
    public override string RejectModality(string modality) => $"未选择模态 {modality}";
    public override string RejectMinParams(string size, string min) => $"{size} 小于最小参数量 {min}";
    public override string RejectRankAlerts => "热榜提醒已关闭（ranks:on 可开启）";
    public override string WhyRankMovesNot(string reason) => $"它的热榜变动不会在此推送：{reason}。";

    public override string LangArgMissing => "请指定语言：/lang en 或 /lang zh。";
    public override string LanguageSet => "语言：中文。";
    public override string HelpTitle => "ReleaseBot 命令";
    public override string HelpIntro => "我推送 Hugging Face 上的新开源模型，并回答有关发布、厂商和热榜的问题。";
    public override string HelpFooter => "* 需要聊天管理员权限。";
    public override string BadLanguage(string typed) => $"“{typed}”不是我支持的语言：请使用 en 或 zh。";
}
