using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Text;

/// <summary>
/// Every user-facing string, per language. Abstract members make a missing translation a build error.
/// Strings are plain text: renderers escape them.
/// </summary>
public abstract class Texts
{
    public static Texts English { get; } = new EnglishTexts();
    public static Texts Chinese { get; } = new ChineseTexts();

    public static Texts For(Language language) => language == Language.Zh ? Chinese : English;

    // General
    public abstract string Yes { get; }
    public abstract string No { get; }
    public abstract string None { get; }
    public abstract string All { get; }
    public abstract string Unknown { get; }
    public abstract string InternalError { get; }
    public abstract string TooManyArguments { get; }
    public abstract string UsageLine(string usage);
    public abstract string TooLong(int max);
    public abstract string UnknownCommand(string typed);
    public abstract string NeedsAdmin(string command);
    public abstract string CountOutOfRange(string typed, int min, int max);
    public abstract string CountryName(string code);
    public abstract string VendorWithCountry(string vendor, string countryCode);
    public abstract string ModalityName(Modality modality);
    public abstract string ModeName(DeliveryMode mode);
    public abstract string LanguageName(Language language);
    public abstract string DiscoveryName(DiscoveryPath path);
    public abstract string ParamsTotalActive(string total, string active);

    // Vendors
    public abstract string AllVendors { get; }
    public abstract string SeeVendors { get; }
    public abstract string NoVendors { get; }
    public abstract string VendorArgMissing { get; }
    public abstract string RecentReleases { get; }
    public abstract string UnknownVendor(string typed);
    public abstract string DidYouMean(string names);
    public abstract string UnknownOwner(string owner);
    public abstract string VendorsTitle(int count);
    public abstract string VendorShare(int seats, int places);
    public abstract string VendorsFooter(string date);
    public abstract string VendorTrending(int seats, int places, string date, string source);

    // Releases and cards
    public abstract string RepoArgMissing { get; }
    public abstract string ModelPage { get; }
    public abstract string BaseModelPage { get; }
    public abstract string NoModelCard { get; }
    public abstract string NoModelCardWarning { get; }
    public abstract string AnnouncedShort { get; }
    public abstract string ReleasedLaterShort { get; }
    /// <summary>A status step; <paramref name="date"/> is when it was true, null when not recorded.</summary>
    public abstract string StatusAnnouncedOn(string? date);
    public abstract string StatusReleasedBy(string? date);
    public abstract string FieldCaveats { get; }
    public abstract string CaveatText(ReleaseCaveat caveat);
    public abstract string TrendingPlace(int rank, string date);
    public abstract string DerivativeShort { get; }
    public abstract string FieldVendor { get; }
    public abstract string FieldParams { get; }
    public abstract string FieldLicence { get; }
    public abstract string FieldModality { get; }
    public abstract string FieldGated { get; }
    public abstract string FieldModelCard { get; }
    public abstract string FieldTrending { get; }
    public abstract string FieldPrevious { get; }
    public abstract string FieldBaseModel { get; }
    public abstract string FieldStatus { get; }
    public abstract string FieldDate { get; }
    public abstract string FieldCountry { get; }
    public abstract string FieldOrgs { get; }
    public abstract string FieldFamilies { get; }
    public abstract string BadRepoId(string typed);
    public abstract string ModelNotKnown(string repoId);
    public abstract string DerivativeOf(string baseModel);
    public abstract string DerivativeOfVendor(string baseModel, string vendor);
    public abstract string LatestTitle(int count, string? vendor);
    public abstract string NoReleases(string? vendor);
    public abstract string NewReleaseHeadline(string vendor);
    public abstract string WatchHitHeadline(string pattern);

    // Trending
    public abstract string NoRanking { get; }
    public abstract string RankNotKnown { get; }
    public abstract string RepoNotKnown { get; }
    public abstract string RankTitle(string date, string source);
    public abstract string ChineseShare(int chinese, int known, int places);
    public abstract string RankReachedFirst(string repoId);
    public abstract string RankEnteredTop(string repoId, int rank);
    public abstract string RankClimbed(string repoId, int places, int rank);

    // Status (operators)
    public abstract string StatusTitle { get; }
    public abstract string StatusReady { get; }
    public abstract string StatusHubPoll { get; }
    public abstract string StatusPollOff { get; }
    public abstract string StatusNoPollYet { get; }
    public abstract string StatusDeliveries { get; }
    public abstract string StatusConnected { get; }
    public abstract string StatusNotConnected { get; }
    public abstract string StatusNoErrors { get; }
    public abstract string StatusAgo(string at, int minutes);
    public abstract string StatusQueue(int pending, int failed, int sent);
    public abstract string StatusLastError(string error, string at);

    // Subscriptions and settings
    public abstract string NotSubscribed { get; }
    public abstract string NotSubscribedHint { get; }
    public abstract string Subscribed { get; }
    public abstract string SubscriptionUpdated { get; }
    public abstract string SubscriptionResumed { get; }
    public abstract string Unsubscribed { get; }
    public abstract string SeeSettings { get; }
    public abstract string OneModeOnly { get; }
    public abstract string BadMinSize(string typed);
    public abstract string BadRanksSwitch(string typed);
    public abstract string ArgumentsConflict(string first, string second);
    public abstract string FilterSummary(string modalities, string minParams, string officialOnly, string rankAlerts);
    public abstract string ChannelTelegramOnly { get; }
    public abstract string ChannelFromPrivateChat { get; }
    public abstract string ChannelWelcome { get; }
    public abstract string ChannelFirstPostFailed { get; }
    public abstract string Active { get; }
    public abstract string DigestOff { get; }
    public abstract string SettingsReadOnly { get; }
    public abstract string SettingsFooter { get; }
    public abstract string FieldState { get; }
    public abstract string FieldVendors { get; }
    public abstract string FieldModalities { get; }
    public abstract string FieldMinParams { get; }
    public abstract string FieldOfficialOnly { get; }
    public abstract string FieldRankAlerts { get; }
    public abstract string FieldMode { get; }
    public abstract string FieldDigest { get; }
    public abstract string FieldLanguage { get; }
    public abstract string FieldWatches { get; }
    public abstract string SubscriptionSummary(string vendors, string mode);
    public abstract string ChannelNotFound(string channel);
    public abstract string ChannelBotCannotPost(string channel);
    public abstract string ChannelSenderNotAdmin(string channel);
    public abstract string Paused(string reason);
    public abstract string SettingsTitle(string chat);

    // Digest
    public abstract string DigestArgMissing { get; }
    public abstract string DigestNothingNew { get; }
    public abstract string DigestRankMoves { get; }
    public abstract string DigestNoMoves { get; }
    public abstract string DigestFooter { get; }
    public abstract string OtherOwners { get; }
    public abstract string BadTime(string typed);
    public abstract string UnknownZone(string typed);
    public abstract string DigestSet(string time, string zone, string mode);
    public abstract string DigestTitle(string date);
    public abstract string DigestNew(int count);
    public abstract string DigestTopOn(int top, string date);
    public abstract string MoreNotShown(int count);

    // Watches
    public abstract string WatchArgMissing { get; }
    public abstract string NoWatches { get; }
    public abstract string WatchListTitle { get; }
    public abstract string WatchRemoveHint { get; }
    public abstract string BadPattern(string typed);
    public abstract string PatternTooBroad(string typed, int minLiterals);
    public abstract string WatchAdded(string pattern);
    public abstract string WatchExists(string pattern);
    public abstract string WatchRemoved(string pattern);
    public abstract string WatchNotFound(string pattern);
    public abstract string TooManyWatches(int max);

    // Why
    public abstract string WhyOfficial { get; }
    public abstract string WhyNoSubscription { get; }
    public abstract string WhyAccepted { get; }
    public abstract string WhyAcceptedDigestOnly { get; }
    public abstract string WhyRejected { get; }
    public abstract string RejectNotOfficial { get; }
    public abstract string WhyNotSeen(string repoId);
    public abstract string WhyFoundBy(string path, string detectedAt);
    public abstract string WhyRenamed(string asked, string current);
    public abstract string WhyOwnerVendor(string owner, string vendor);
    public abstract string WhyOwnerUnknown(string owner);
    public abstract string WhyDerivative(string baseModel);
    public abstract string WhyPaused(string reason);
    public abstract string WhySeed { get; }
    public abstract string WhyBeforeSubscription { get; }
    public abstract string WhyNotPlanned { get; }
    public abstract string WhyPending { get; }
    public abstract string WhySent(string sentAt);
    public abstract string WhyFailed(string error);
    public abstract string WhyDropped { get; }
    public abstract string RejectVendor(string vendors);
    public abstract string RejectModality(string modality);
    public abstract string RejectMinParams(string size, string min);
    public abstract string RejectRankAlerts { get; }
    public abstract string WhyRankMovesNot(string reason);

    // Language and help
    public abstract string LangArgMissing { get; }
    public abstract string LanguageSet { get; }
    public abstract string HelpTitle { get; }
    public abstract string HelpIntro { get; }
    public abstract string HelpFooter { get; }
    public abstract string BadLanguage(string typed);
}
