using System.Globalization;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Bench.Telegram;

/// <summary>
/// A burst of commands through polling, the real update handling and the Telegram sender, against the fake Bot API at
/// Telegram's own limits: first <c>privates</c> private <c>/subscribe</c> (each from its own user), then <c>groups</c>
/// group <c>/subscribe</c> by an admin (each one getChatMember). Prints answers per second from queueing the burst to the
/// last answer, against the 30/s the replies are limited to. Arguments: <c>[privates=1000] [groups=300] [globalShare=0]</c>
/// (the client's optional even spacing as a share of the limit; 0 = none, as in production).
/// </summary>
public static class TelegramCommandsBench
{
    private const long Admin = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var (privateRate, groupRate) = await MeasureAsync(Arg(args, 0, 1000), Arg(args, 1, 300), Arg(args, 2, 0.0));
        return double.IsNaN(privateRate) || double.IsNaN(groupRate) ? 1 : 0;
    }

    /// <summary>Answers per second of the two bursts (also printed); NaN for a burst that did not finish.</summary>
    public static async Task<(double PrivatePerSecond, double GroupPerSecond)> MeasureAsync(int privates, int groups, double share)
    {
        using var folder = new TempDirectory();
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions());
        var users = Enumerable.Range(1, privates).Select(i => 100_000L + i).ToArray();
        var chats = Enumerable.Range(1, groups).Select(i => -1_000_000_000_000L - i).ToArray();
        foreach (var user in users)
        {
            fake.State.AddPrivateChat(user);
        }

        foreach (var chat in chats)
        {
            fake.State.AddGroup(chat).Members[Admin] = "administrator";
        }

        await using var bot = new TelegramHarness(fake, folder.Path).WithLimitsOfFake(share);
        await bot.StartAsync();
        // The bot is polling (its menu is published) before the burst is queued.
        await TelegramHarness.WaitUntilAsync(() => fake.State.Calls.Any(c => c.Method == "getupdates"));

        var privateRate = await BurstAsync(fake, "private /subscribe", users, id => TelegramUpdates.PrivateCommand(id, "/subscribe qwen"));
        var groupRate = await BurstAsync(fake, "group /subscribe (1 getChatMember each)", chats, id => TelegramUpdates.GroupCommand(id, Admin, "/subscribe qwen"));
        return (privateRate, groupRate);
    }

    private static async Task<double> BurstAsync(
        FakeTelegramServer fake, string name, long[] chats, Func<long, System.Text.Json.Nodes.JsonObject> command)
    {
        var before = fake.State.SentMessages.Count;
        var tooMany = fake.State.TooManyRequestsCount;
        var queued = DateTimeOffset.UtcNow;
        foreach (var chat in chats)
        {
            fake.State.Enqueue(command(chat));
        }

        var done = await TelegramHarness.WaitUntilAsync(
            () => fake.State.SentMessages.Count - before >= chats.Length,
            TimeSpan.FromSeconds(chats.Length / 10.0 + 30));
        var answers = fake.State.SentMessages.Skip(before).ToArray();
        var seconds = answers.Length > 0 ? (answers.Max(m => m.At) - queued).TotalSeconds : double.NaN;
        var perChat = answers.GroupBy(m => m.ChatId).ToDictionary(g => g.Key, g => g.Count());
        var limit = fake.State.Options.Global.PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"telegram commands: {chats.Length} {name}, fake at Telegram's limits, finished: {done}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  answered            {answers.Length} in {seconds:F2} s from queueing to the last answer: {answers.Length / seconds:F1} per s (goal >= 27; replies limited to {limit:F0}/s), ratio {answers.Length / seconds / limit:F3}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  429s drawn          {fake.State.TooManyRequestsCount - tooMany} (goal 0)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  unanswered          {chats.Count(c => !perChat.ContainsKey(c))}, answered twice {perChat.Values.Count(n => n > 1)} (goal 0, 0)"));
        return done ? answers.Length / seconds : double.NaN;
    }

    private static T Arg<T>(string[] args, int index, T fallback) where T : IParsable<T> =>
        args.Length > index && T.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
