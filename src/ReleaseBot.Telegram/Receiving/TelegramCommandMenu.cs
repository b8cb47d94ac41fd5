using ReleaseBot.Core.Commands;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace ReleaseBot.Telegram.Receiving;

/// <summary>The command menu (setMyCommands): English by default, Chinese for clients set to <c>zh</c>.</summary>
public sealed class TelegramCommandMenu(ITelegramBotClient bot)
{
    public async Task PublishAsync(IReadOnlyList<CommandInfo> commands, CancellationToken cancellationToken)
    {
        await bot.SetMyCommands(commands.Select(c => new BotCommand(c.Name, Fit(c.DescriptionEn))), cancellationToken: cancellationToken);
        await bot.SetMyCommands(
            commands.Select(c => new BotCommand(c.Name, Fit(c.DescriptionZh))),
            languageCode: "zh",
            cancellationToken: cancellationToken);
    }

    /// <summary>Descriptions are 1-256 characters.</summary>
    private static string Fit(string description) => description.Length <= 256 ? description : description[..255] + "…";
}
