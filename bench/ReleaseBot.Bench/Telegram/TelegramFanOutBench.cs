using System.Globalization;
using ReleaseBot.Core.Domain;
using ReleaseBot.Testing.Builders;
using ReleaseBot.Testing.FakeTelegram;
using ReleaseBot.Testing.Store;

namespace ReleaseBot.Bench.Telegram;

/// <summary>
/// One announcement to N chats (half private, half groups) through the real delivery engine and Telegram sender,
/// against the fake Bot API with its limits scaled by a factor. Prints the achieved rate against the limit the fake
/// enforces, the 429s it answered, and lost and duplicated messages.
/// Arguments: <c>[chats=1000] [scale=10] [globalShare=0] [events=1]</c>. The share sets only the client's optional even
/// spacing (0 = none, as in production); the limiter's rolling window (in flight plus completed in the last second, at the
/// fake's limit) is what keeps 429s at zero.
/// With several events each chat gets several messages in a row, so its own one-per-second limit makes it wait between them.
/// </summary>
public static class TelegramFanOutBench
{
    public static async Task<int> RunAsync(string[] args) =>
        (await MeasureAsync(Arg(args, 0, 1000), Arg(args, 1, 10.0), Arg(args, 2, 0.0), Arg(args, 3, 1))).Finished ? 0 : 1;

    /// <summary>What one run measured (also printed): the steady and the end-to-end ratio against the enforced limit.</summary>
    public sealed record Result(bool Finished, double Ratio, double EndToEndRatio, int TooManyRequests, int Lost, int Duplicated);

    public static async Task<Result> MeasureAsync(int chats, double scale, double share, int events)
    {
        using var folder = new TempDirectory();
        await using var fake = await FakeTelegramServer.StartAsync(new FakeTelegramOptions().Scaled(scale));
        var ids = Enumerable.Range(1, chats).Select(i => i % 2 == 0 ? 10_000L + i : -1_000_000_000_000L - i).ToArray();
        foreach (var id in ids)
        {
            _ = id > 0 ? fake.State.AddPrivateChat(id) : fake.State.AddGroup(id);
        }

        await using var bot = new TelegramHarness(fake, folder.Path).WithLimitsOfFake(share);
        await bot.StartAsync();
        var releases = Enumerable.Range(0, events)
            .Select(i => new ReleaseBuilder(i == 0 ? "Qwen/Qwen3-235B-A22B-Instruct-2507" : $"Qwen/Qwen3-235B-A22B-Instruct-2507-v{i}", "alibaba")
                .Params(235_000_000_000, 22_000_000_000).Licence("apache-2.0").Build())
            .ToArray();
        await bot.AddReleasesAsync(releases);
        foreach (var id in ids)
        {
            await bot.Subscriptions.UpsertSubscriptionAsync(new Subscription
            {
                Id = $"sub-{id}",
                Chat = new ChatAddress(Platform.Telegram, id.ToString(CultureInfo.InvariantCulture)),
                CreatedAt = DateTimeOffset.UtcNow,
                DigestTime = new TimeOnly(9, 0),
            }, CancellationToken.None);
        }

        var published = DateTimeOffset.UtcNow;
        foreach (var release in releases)
        {
            await bot.Events.PublishAsync(BotEvent.ReleaseDetected(release, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        var expected = chats * events;
        var done = await TelegramHarness.WaitUntilAsync(
            () => fake.State.SentMessages.Count >= expected
                && bot.Outbox.CountByStateAsync(CancellationToken.None).Result.GetValueOrDefault(DeliveryState.Pending) == 0,
            TimeSpan.FromSeconds(expected / fake.State.Options.Global.PerSecond * 3 + 30));

        var sent = fake.State.SentMessages;
        var perChat = ids.ToDictionary(id => id, id => 0);
        foreach (var message in sent)
        {
            perChat[message.ChatId]++;
        }

        var seconds = sent.Count > 1 ? (sent.Max(m => m.At) - sent.Min(m => m.At)).TotalSeconds : double.NaN;
        // The steady rate counts the intervals between accepted messages (n - 1 of them for n messages) over the span from
        // the first accepted to the last; the end-to-end figure also includes planning and the first send's start-up.
        var achieved = (sent.Count - 1) / seconds;
        var endToEnd = sent.Count > 0 ? (sent.Max(m => m.At) - published).TotalSeconds : double.NaN;
        var limit = fake.State.Options.Global.PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"telegram fan-out: {events} event(s) to {chats} chats ({ids.Count(i => i > 0)} private, {ids.Count(i => i < 0)} groups), fake limits x{scale}, client spacing {(share > 0 ? share.ToString("P0", CultureInfo.InvariantCulture) + " of the limit" : "off")}, finished: {done}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  messages accepted   {sent.Count} in {seconds:F2} s (first to last accepted)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  achieved rate       {achieved:F1} msg/s (first to last accepted); limit enforced {limit:F0} msg/s; ratio {achieved / limit:F3} (goal >= 0.98)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  end to end          {endToEnd:F2} s from publishing the event to the last accepted: {sent.Count / endToEnd:F1} msg/s, ratio {sent.Count / endToEnd / limit:F3} (goal >= 0.98)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  429s drawn          {fake.State.TooManyRequestsCount} (goal 0)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  lost                {perChat.Sum(p => Math.Max(0, events - p.Value))} (goal 0)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  duplicated          {perChat.Sum(p => Math.Max(0, p.Value - events))} (goal 0)"));
        if (Environment.GetEnvironmentVariable("BENCH_DEBUG") is not null)
        {
            foreach (var call in fake.State.Calls.Where(c => c.Status == 429).Take(10))
            {
                var inWindow = sent.Count(m => m.At > call.At - fake.State.Options.Global.Window && m.At <= call.At);
                var chat = call.Parameters["chat_id"]?.ToString();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  429 at {call.At:HH:mm:ss.fff} chat {chat}: {inWindow} accepted in the window before; chat had {sent.Count(m => m.ChatId.ToString(CultureInfo.InvariantCulture) == chat)}"));
            }
        }

        return new Result(
            done, achieved / limit, sent.Count / endToEnd / limit, fake.State.TooManyRequestsCount,
            perChat.Sum(p => Math.Max(0, events - p.Value)), perChat.Sum(p => Math.Max(0, p.Value - events)));
    }

    private static T Arg<T>(string[] args, int index, T fallback) where T : IParsable<T> =>
        args.Length > index && T.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
