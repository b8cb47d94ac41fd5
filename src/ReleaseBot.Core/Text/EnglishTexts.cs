using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Text;

public sealed class EnglishTexts : Texts
{
    public override string Yes => "yes";
    public override string No => "no";
    public override string None => "none";
    public override string All => "all";
    public override string Unknown => "unknown";
    public override string InternalError => "Something went wrong on my side; nothing was changed. Please try again later.";
    public override string TooManyArguments => "Too many arguments.";
    public override string UsageLine(string usage) => $"Usage: {usage}";
    public override string TooLong(int max) => $"That message is too long (more than {max} characters); nothing was changed.";
    public override string UnknownCommand(string typed) => $"Unknown command {typed}. Send /help for the list of commands.";
    public override string NeedsAdmin(string command) => $"Only admins of this chat can use {command}. Nothing was changed.";
    public override string CountOutOfRange(string typed, int min, int max) => $"\"{typed}\" is not a valid count: use a whole number from {min} to {max}.";

    public override string CountryName(string code) => code.ToUpperInvariant() switch
    {
        "CN" => "China",
        "US" => "USA",
        "FR" => "France",
        "DE" => "Germany",
        "GB" or "UK" => "UK",
        "CA" => "Canada",
        "AE" => "UAE",
        _ => code,
    };

    public override string VendorWithCountry(string vendor, string countryCode) => $"{vendor} ({CountryName(countryCode)})";

    public override string ModalityName(Modality modality) => modality switch
    {
        Modality.Text => "text",
        Modality.Vision => "vision-language",
        Modality.Image => "image generation",
        Modality.Video => "video",
        Modality.Audio => "audio",
        Modality.ThreeD => "3D / world",
        Modality.Multimodal => "multimodal",
        Modality.Other => "other",
        _ => "unknown",
    };

    public override string ModeName(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Digest => "daily digest only",
        DeliveryMode.Both => "instant announcements and daily digest",
        _ => "instant announcements",
    };

    public override string LanguageName(Language language) => language == Language.Zh ? "中文 (Chinese)" : "English";

    public override string DiscoveryName(DiscoveryPath path) => path switch
    {
        DiscoveryPath.Seed => "the bundled release history",
        DiscoveryPath.VendorPoll => "polling the vendor's Hub organisation",
        DiscoveryPath.Trending => "the Hugging Face trending list",
        DiscoveryPath.Webhook => "a Hub webhook",
        _ => "a manual entry",
    };

    public override string ParamsTotalActive(string total, string active) => $"{total} total / {active} active";

    public override string AllVendors => "all vendors";
    public override string SeeVendors => "/vendors lists every known vendor.";
    public override string NoVendors => "No vendors are configured.";
    public override string VendorArgMissing => "Which vendor? Give a name, e.g. /vendor qwen.";
    public override string RecentReleases => "Recent releases";
    public override string UnknownVendor(string typed) => $"Unknown vendor \"{typed}\".";
    public override string DidYouMean(string names) => $"Did you mean: {names}?";
    public override string UnknownOwner(string owner) => $"{owner} (not a known vendor)";
    public override string VendorsTitle(int count) => $"Vendors ({count})";
    public override string VendorShare(int seats, int places) => $"{seats}/{places} in trending top {places}";
    public override string VendorsFooter(string date) => $"Trending shares count known entries of the snapshot of {date}.";
    public override string VendorTrending(int seats, int places, string date, string source) => $"{RankTitle(date, source)}: {seats} of the top {places}";

    public override string RepoArgMissing => "Which model? Give a repo id like zai-org/GLM-4.5.";
    public override string ModelPage => "Model page";
    public override string BaseModelPage => "Base model";
    public override string NoModelCard => "none (no README on the Hub)";
    public override string NoModelCardWarning => "⚠ No model card: the repo has no README yet.";
    public override string AnnouncedShort => "announced";
    public override string ReleasedLaterShort => "announced first, weights published later";
    public override string StatusAnnouncedOn(string? date) =>
        date is null ? "announced; weights not public (date not recorded)" : $"announced {date}; weights not public on that date";
    public override string StatusReleasedBy(string? date) =>
        date is null ? "weights published on the Hub later (date not recorded)" : $"weights public on the Hub by {date}";
    public override string FieldCaveats => "Caveats";
    public override string CaveatText(ReleaseCaveat caveat) => caveat switch
    {
        ReleaseCaveat.LicenceFromCatalogue => "licence taken from a third-party catalogue, not from the Hub",
        ReleaseCaveat.ResearchOnlyTerms => "the project's own terms allow research use only (no commercial use), whatever the Hub licence says",
        ReleaseCaveat.RepoIdUnverified => "repo id not confirmed on the Hub (it follows the vendor's naming)",
        _ => caveat.ToString(),
    };
    public override string TrendingPlace(int rank, string date) => $"#{rank} (snapshot of {date})";
    public override string DerivativeShort => "derivative";
    public override string FieldVendor => "Vendor";
    public override string FieldParams => "Parameters";
    public override string FieldLicence => "Licence";
    public override string FieldModality => "Modality";
    public override string FieldGated => "Gated";
    public override string FieldModelCard => "Model card";
    public override string FieldTrending => "Trending";
    public override string FieldPrevious => "Before";
    public override string FieldBaseModel => "Derivative";
    public override string FieldStatus => "Status";
    public override string FieldDate => "Date";
    public override string FieldCountry => "Country";
    public override string FieldOrgs => "Hub orgs";
    public override string FieldFamilies => "Families";
    public override string BadRepoId(string typed) => $"\"{typed}\" is not a repo id: use owner/name, e.g. zai-org/GLM-4.5.";
    public override string ModelNotKnown(string repoId) => $"I have not seen {repoId}. /why {repoId} tells what would happen to it.";
    public override string DerivativeOf(string baseModel) => $"derivative of {baseModel}";
    public override string DerivativeOfVendor(string baseModel, string vendor) => $"derivative of {baseModel} ({vendor})";
    public override string LatestTitle(int count, string? vendor) => vendor is null ? $"Latest {count} releases" : $"Latest {count} releases — {vendor}";
    public override string NoReleases(string? vendor) => vendor is null ? "No releases known yet." : $"No releases of {vendor} known yet.";
    public override string NewReleaseHeadline(string vendor) => $"New release from {vendor}";
    public override string WatchHitHeadline(string pattern) => $"Your watch {pattern} matched a new repo";

    public override string NoRanking => "No trending snapshot yet.";
    public override string RankNotKnown => "not known";
    public override string RepoNotKnown => "(repo not known)";
    public override string RankTitle(string date, string source) =>
        source == "seed" ? $"Hugging Face trending, {date} (as reported)" : $"Hugging Face trending, {date}";
    public override string ChineseShare(int chinese, int known, int places) =>
        known == places ? $"{chinese} of {places} entries are from Chinese vendors." : $"{chinese} of {known} known entries are from Chinese vendors ({places - known} of {places} places not known).";
    public override string RankReachedFirst(string repoId) => $"{repoId} reached #1 on Hugging Face trending";
    public override string RankEnteredTop(string repoId, int rank) =>
        rank <= 10 ? $"{repoId} entered the trending top 10 at #{rank}" : $"{repoId} entered the trending list at #{rank}";
    public override string RankClimbed(string repoId, int places, int rank) => $"{repoId} climbed {places} places to #{rank}";

    public override string StatusTitle => "Bot status";
    public override string StatusReady => "Ready";
    public override string StatusHubPoll => "Last Hub poll";
    public override string StatusPollOff => "off (ReleaseBot:HuggingFace:Enabled is false)";
    public override string StatusNoPollYet => "no successful poll yet";
    public override string StatusDeliveries => "Deliveries";
    public override string StatusConnected => "connected";
    public override string StatusNotConnected => "not connected";
    public override string StatusNoErrors => "no errors";
    public override string StatusAgo(string at, int minutes) => $"{at} ({minutes} min ago)";
    public override string StatusQueue(int pending, int failed, int sent) => $"{pending} pending, {failed} failed, {sent} sent";
    public override string StatusLastError(string error, string at) => $"last error at {at}: {error}";

    public override string NotSubscribed => "This chat is not subscribed.";
    public override string NotSubscribedHint => "This chat has no subscription yet. Start with /subscribe.";
    public override string Subscribed => "Subscribed.";
    public override string SubscriptionUpdated => "Subscription updated.";
    public override string SubscriptionResumed => "Subscription resumed.";
    public override string Unsubscribed => "Unsubscribed: no more announcements or digests here. /subscribe brings them back.";
    public override string SeeSettings => "/settings shows everything; /digest sets the digest time.";
    public override string OneModeOnly => "Give one mode only: instant, digest or both.";
    public override string BadMinSize(string typed) => $"\"{typed}\" is not a minimum size: write e.g. min:30b, min:1.5b or min:500m (min:0 removes the minimum).";
    public override string BadRanksSwitch(string typed) => $"\"{typed}\" is not a rank-alert switch: write ranks:on or ranks:off.";
    public override string ArgumentsConflict(string first, string second) => $"\"{first}\" and \"{second}\" contradict each other: give one.";
    public override string FilterSummary(string modalities, string minParams, string officialOnly, string rankAlerts) =>
        $"Modalities: {modalities}. Minimum size: {minParams}. Official only: {officialOnly}. Rank alerts: {rankAlerts}.";
    public override string ChannelTelegramOnly => "Subscribing a channel by @name works on Telegram only.";
    public override string ChannelFromPrivateChat => "Send /subscribe @channel (or the channel's numeric id) to me in a private chat.";
    public override string ChannelWelcome => "ReleaseBot will post new open-model releases here.";
    public override string ChannelFirstPostFailed => "The first post to the channel failed; check that I may post there.";
    public override string Active => "active";
    public override string DigestOff => "not used in this mode";
    public override string SettingsReadOnly => "/settings takes no arguments: use /subscribe, /digest, /watch or /lang to change things.";
    public override string SettingsFooter => "Change with /subscribe, /digest, /watch, /lang.";
    public override string FieldState => "State";
    public override string FieldVendors => "Vendors";
    public override string FieldModalities => "Modalities";
    public override string FieldMinParams => "Minimum size";
    public override string FieldOfficialOnly => "Official only";
    public override string FieldRankAlerts => "Rank alerts";
    public override string FieldMode => "Mode";
    public override string FieldDigest => "Digest";
    public override string FieldLanguage => "Language";
    public override string FieldWatches => "Watches";
    public override string SubscriptionSummary(string vendors, string mode) => $"Vendors: {vendors}. Mode: {mode}.";
    public override string ChannelNotFound(string channel) => $"I cannot find {channel}. Check the @name.";
    public override string ChannelBotCannotPost(string channel) => $"I cannot post in {channel}: make me an admin there with the right to post messages, then try again.";
    public override string ChannelSenderNotAdmin(string channel) => $"Only admins of {channel} can subscribe it.";
    public override string Paused(string reason) => $"paused: {reason}";
    public override string SettingsTitle(string chat) => $"Settings of {chat}";

    public override string DigestArgMissing => "Give a time, e.g. /digest 09:00 Asia/Shanghai.";
    public override string DigestNothingNew => "No new releases in this period.";
    public override string DigestRankMoves => "Trending moves";
    public override string DigestNoMoves => "No moves in the top 10.";
    public override string DigestFooter => "/settings to change the digest time; /latest for more.";
    public override string OtherOwners => "Other publishers";
    public override string BadTime(string typed) => $"\"{typed}\" is not a time: use 24-hour HH:mm, e.g. 09:00 or 21:30.";
    public override string UnknownZone(string typed) => $"Unknown time zone \"{typed}\": use an IANA name like Asia/Shanghai, Europe/Berlin or UTC.";
    public override string DigestSet(string time, string zone, string mode) => $"Daily digest at {time} ({zone}). Mode: {mode}.";
    public override string DigestTitle(string date) => $"Daily digest, {date}";
    public override string DigestNew(int count) => $"New releases ({count})";
    public override string DigestTopOn(int top, string date) => $"Trending top {top}, snapshot of {date}";
    public override string MoreNotShown(int count) => $"… and {count} more (/latest shows them).";

    public override string WatchArgMissing => "Give a pattern, e.g. /watch stepfun-ai/step3*.";
    public override string NoWatches => "No watches here. Add one: /watch stepfun-ai/step3*";
    public override string WatchListTitle => "Watches of this chat";
    public override string WatchRemoveHint => "/watch remove <pattern> removes one.";
    public override string BadPattern(string typed) => $"\"{typed}\" is not a watch pattern: use owner/name with letters, digits, - _ . and the wildcards * and ?, e.g. stepfun-ai/step3*.";
    public override string PatternTooBroad(string typed, int minLiterals) => $"\"{typed}\" is too broad: it needs at least {minLiterals} letters or digits.";
    public override string WatchAdded(string pattern) => $"Watching {pattern}: new repos matching it will be announced here.";
    public override string WatchExists(string pattern) => $"Already watching {pattern}.";
    public override string WatchRemoved(string pattern) => $"No longer watching {pattern}.";
    public override string WatchNotFound(string pattern) => $"This chat has no watch {pattern}. /watch lists them.";
    public override string TooManyWatches(int max) => $"This chat already has {max} watches, the most allowed. Remove one first.";

    public override string WhyOfficial => "Official: published in the vendor's own organisation.";
    public override string WhyNoSubscription => "This chat is not subscribed, so nothing is announced here (/subscribe).";
    public override string WhyAccepted => "This chat's filters accept it.";
    public override string WhyAcceptedDigestOnly => "This chat's filters accept it; it goes into the daily digest (no instant announcements in this mode).";
    public override string WhyRejected => "This chat's filters turn it away:";
    public override string RejectNotOfficial => "official releases only, and this is a derivative";
    public override string WhyNotSeen(string repoId) => $"I have not seen {repoId} on the Hub (yet), so it was not announced.";
    public override string WhyFoundBy(string path, string detectedAt) => $"Found through {path}, first seen {detectedAt}.";
    public override string WhyRenamed(string asked, string current) => $"{asked} was renamed to {current}.";
    public override string WhyOwnerVendor(string owner, string vendor) => $"Owner {owner} is an organisation of {vendor}, so its repos count as {vendor}'s.";
    public override string WhyOwnerUnknown(string owner) => $"Owner {owner} is not an organisation of a known vendor: it is not polled, and its repos count as nobody's.";
    public override string WhyDerivative(string baseModel) => $"Derivative (not from the vendor's own organisation), based on {baseModel}.";
    public override string WhyPaused(string reason) => $"This chat's subscription is paused: {reason}. /subscribe resumes it.";
    public override string WhySeed => "It comes from the bundled release history, which is background knowledge: it is never announced.";
    public override string WhyBeforeSubscription => "It was found before this chat subscribed, so it was not announced here.";
    public override string WhyNotPlanned => "No announcement of it was planned for this chat.";
    public override string WhyPending => "Its announcement to this chat is queued and will be sent shortly.";
    public override string WhySent(string sentAt) => $"It was announced here on {sentAt}.";
    public override string WhyFailed(string error) => $"Its announcement to this chat failed: {error}.";
    public override string WhyDropped => "Its announcement was dropped because this chat's subscription was paused or removed.";
    public override string RejectVendor(string vendors) => $"vendors limited to {vendors}";
    public override string RejectModality(string modality) => $"modality {modality} not selected";
    public override string RejectMinParams(string size, string min) => $"{size} is smaller than the minimum size {min}";
    public override string RejectRankAlerts => "rank alerts are off (ranks:on turns them on)";
    public override string WhyRankMovesNot(string reason) => $"Its trending moves are not announced here: {reason}.";

    public override string LangArgMissing => "Give a language: /lang en or /lang zh.";
    public override string LanguageSet => "Language: English.";
    public override string HelpTitle => "ReleaseBot commands";
    public override string HelpIntro => "I announce new open models on Hugging Face and answer questions about releases, vendors and trending.";
    public override string HelpFooter => "* needs chat admin rights.";
    public override string BadLanguage(string typed) => $"\"{typed}\" is not a language I speak: use en or zh.";
}
