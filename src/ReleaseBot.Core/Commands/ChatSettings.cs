using System.Globalization;
using Microsoft.Extensions.Options;
using ReleaseBot.Core.Digests;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;

namespace ReleaseBot.Core.Commands;

/// <summary>
/// A chat's subscription and language. A chat without a subscription keeps its language in the
/// state store (<c>lang:{chat key}</c>), so <c>/lang zh</c> works before <c>/subscribe</c>.
/// </summary>
public sealed class ChatSettings(ISubscriptionStore subscriptions, IStateStore state, TimeProvider timeProvider, IOptions<DigestOptions> digest)
{
    public async Task<(Subscription? Subscription, Language Language)> LoadAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.FindByChatAsync(request.Chat, cancellationToken);
        if (subscription is not null)
        {
            return (subscription, subscription.Language);
        }

        var saved = await state.GetStateAsync(LanguageKey(request.Chat), cancellationToken);
        if (Enum.TryParse<Language>(saved, ignoreCase: true, out var language))
        {
            return (null, language);
        }

        return (null, FromClient(request.ClientLanguage));
    }

    public Task SaveLanguageAsync(ChatAddress chat, Language language, CancellationToken cancellationToken) =>
        state.SetStateAsync(LanguageKey(chat), language.ToString(), cancellationToken);

    /// <summary>A fresh, active subscription with default filters and the configured digest time for <paramref name="chat"/>.</summary>
    public Subscription Create(ChatAddress chat, string? title, string? createdBy, Language language) => new()
    {
        Id = "sub-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
        Chat = chat,
        ChatTitle = title,
        CreatedBy = createdBy,
        CreatedAt = timeProvider.GetUtcNow(),
        DigestTime = digest.Value.DefaultTime,
        Language = language,
    };

    public static Language FromClient(string? clientLanguage) =>
        clientLanguage is not null && clientLanguage.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Zh : Language.En;

    private static string LanguageKey(ChatAddress chat) => "lang:" + chat.Key;
}
