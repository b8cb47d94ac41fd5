using System.Text.RegularExpressions;
using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;
using ReleaseBot.Discord.Chats;
using N = ReleaseBot.Discord.Commands.DiscordOptionNames;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// Turns a slash-command interaction into the router's arguments, passed as <see cref="CommandRequest.Args"/> so the
/// router takes them as they are (the text line is for logs). Every typed value becomes exactly the arguments it
/// means and no more: vendors are resolved to their ids, choices are checked against their sets, a value that must be
/// one word but holds spaces is refused here with the command's usage, and a free value (a minimum size) stays one
/// argument, so "qwen 20" in a vendor box or "add evil/*" in a pattern box cannot add arguments.
/// </summary>
public sealed partial class DiscordInteractionTranslator(IVendorStore vendorStore)
{
    private static readonly HashSet<string> Modes = new(["instant", "digest", "both"], StringComparer.Ordinal);
    private static readonly HashSet<string> Actions = new(["add", "remove"], StringComparer.Ordinal);
    private static readonly HashSet<string> Languages = new(["en", "zh"], StringComparer.Ordinal);
    private static readonly HashSet<string> ModalityWords =
        new([.. SubscribeWords.Modalities.Select(m => m.Word), SubscribeWords.AnyModality], StringComparer.Ordinal);

    /// <param name="environmentFor">Makes the chat environment of the invocation (the adapter's, with its REST client).</param>
    public async Task<DiscordCommandInput> TranslateAsync(
        InteractionPayload interaction, Func<DiscordInvocation, IChatEnvironment> environmentFor, CancellationToken cancellationToken)
    {
        var data = interaction.Data ?? new InteractionData();
        var name = CommandName().IsMatch(data.Name) ? data.Name : "?";
        var options = data.Options.Where(o => o.Text is { Length: > 0 }).ToDictionary(o => o.Name, o => o.Text!, StringComparer.Ordinal);
        var invocation = Invocation(interaction, options.GetValueOrDefault(N.Channel), data.Resolved);
        var picked = options.TryGetValue(N.Channel, out var pickedId) ? data.Resolved?.Channels.GetValueOrDefault(pickedId) : null;
        var request = new CommandRequest
        {
            Chat = invocation.Chat,
            ChatTitle = picked?.Name ?? interaction.Channel?.Name,
            IsPrivate = invocation.IsPrivate,
            SenderId = invocation.SenderId,
            ClientLanguage = interaction.Locale,
            Text = "/" + name,
            Environment = environmentFor(invocation),
            ChatPicked = picked is not null && invocation.Chat != DiscordChatAddresses.Of(interaction),
        };

        var line = new CommandLine(new CommandContext(request, name, [], LanguageOf(interaction.Locale), null));
        var refusal = name switch
        {
            "latest" => await line.VendorIdAsync(options.GetValueOrDefault(N.Vendor), vendorStore, cancellationToken) ?? line.Word(options.GetValueOrDefault(N.Count)),
            "rank" => line.Word(options.GetValueOrDefault(N.Top)),
            "vendor" => line.Words(options.GetValueOrDefault(N.Name)),
            "model" or "why" => line.Word(options.GetValueOrDefault(N.Repo)),
            "subscribe" => await line.VendorListAsync(options.GetValueOrDefault(N.Vendors), vendorStore, cancellationToken)
                ?? line.OneOf(options.GetValueOrDefault(N.Mode), Modes) ?? line.OneOf(options.GetValueOrDefault(N.Modality), ModalityWords)
                ?? line.Prefixed(SubscribeWords.MinPrefix, options.GetValueOrDefault(N.MinParams))
                ?? line.Switch(options.GetValueOrDefault(N.Official), SubscribeWords.Official, SubscribeWords.Derivatives)
                ?? line.Switch(options.GetValueOrDefault(N.RankAlerts), SubscribeWords.RanksPrefix + SubscribeWords.On, SubscribeWords.RanksPrefix + SubscribeWords.Off)
                ?? BotCannotPost(line, invocation, picked),
            "unsubscribe" => null,
            "digest" => line.Word(options.GetValueOrDefault(N.Time)) ?? line.Word(options.GetValueOrDefault(N.Zone)),
            "watch" => options.ContainsKey(N.Pattern)
                ? line.OneOf(options.GetValueOrDefault(N.Action) ?? "add", Actions) ?? line.Word(options[N.Pattern])
                : line.OneOf(options.GetValueOrDefault(N.Action), Actions),
            "lang" => line.OneOf(options.GetValueOrDefault(N.Language), Languages),
            _ => null,
        };

        return refusal is null
            ? new DiscordCommandInput(invocation, request with { Text = line.Text, Args = line.Args }, null)
            : new DiscordCommandInput(invocation, null, refusal);
    }

    /// <summary>
    /// The chat a command acts on: the channel picked in a <c>channel</c> option, else where it was typed. The member's
    /// permissions are those in that chat: Discord resolves them per channel, in <c>member.permissions</c> for the
    /// current one and in <c>resolved.channels[id].permissions</c> for a picked one.
    /// </summary>
    private static DiscordInvocation Invocation(InteractionPayload interaction, string? pickedChannel, InteractionResolved? resolved)
    {
        var isPrivate = interaction.GuildId is null || interaction.Context is 1 or 2;
        var senderId = interaction.Member?.User?.Id ?? interaction.User?.Id;
        if (pickedChannel is not null && resolved?.Channels.GetValueOrDefault(pickedChannel) is { } target && !isPrivate)
        {
            var chat = target.IsThread && target.ParentId is { Length: > 0 } parent
                ? new ChatAddress(Platform.Discord, parent, target.Id)
                : new ChatAddress(Platform.Discord, target.Id);
            return new DiscordInvocation(chat, interaction.GuildId, senderId, false, DiscordPermissions.Parse(target.Permissions),
                target.AppPermissions is null ? null : DiscordPermissions.Parse(target.AppPermissions));
        }

        return new DiscordInvocation(DiscordChatAddresses.Of(interaction), interaction.GuildId, senderId, isPrivate,
            DiscordPermissions.Parse(interaction.Member?.Permissions),
            interaction.AppPermissions is null ? null : DiscordPermissions.Parse(interaction.AppPermissions));
    }

    // Subscribing a channel the bot cannot post in would fail on the first release; say so now when Discord told us.
    private static Reply? BotCannotPost(CommandLine line, DiscordInvocation invocation, InteractionChannel? picked) =>
        picked is not null && invocation.BotPermissions is { } bot && !DiscordPermissions.CanPost(bot, picked.IsThread)
            ? Reply.Error(line.Context.T.ChannelBotCannotPost("#" + CommandReplies.Echo(picked.Name ?? picked.Id)))
            : null;

    private static Language LanguageOf(string? locale) =>
        locale is not null && locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Zh : Language.En;

    [GeneratedRegex("^[a-z]{1,32}$")]
    private static partial Regex CommandName();
}
