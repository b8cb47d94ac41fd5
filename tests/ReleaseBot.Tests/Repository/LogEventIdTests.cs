using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ReleaseBot.Tests.Repository;

/// <summary>
/// Every [LoggerMessage] has its own event id, inside its project's range, so an id in a log line names one
/// message of one project: Core 1000–1999, LiteDb 2000–2999, HuggingFace 3000–3999, Telegram 4000–4999,
/// Discord 5000–5999, Web 6000–6999, the host 9000–9999.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly (string Assembly, int From, int To)[] Ranges =
    [
        ("ReleaseBot.Core", 1000, 1999),
        ("ReleaseBot.LiteDb", 2000, 2999),
        ("ReleaseBot.HuggingFace", 3000, 3999),
        ("ReleaseBot.Telegram", 4000, 4999),
        ("ReleaseBot.Discord", 5000, 5999),
        ("ReleaseBot.Web", 6000, 6999),
        ("ReleaseBot", 9000, 9999),
    ];

    [Fact]
    public void EventIds_EveryMessage_InItsProjectsRange()
    {
        var outside = Messages()
            .Where(m => Ranges.Single(r => r.Assembly == m.Assembly) is var range && (m.Id < range.From || m.Id > range.To))
            .Select(m => $"{m.Name} = {m.Id}")
            .ToList();

        Assert.True(outside.Count == 0, $"Log event ids outside their project's range: {string.Join(", ", outside)}");
    }

    [Fact]
    public void EventIds_AllProjects_EachUsedOnce()
    {
        var doubled = Messages()
            .GroupBy(m => m.Id)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" and ", g.Select(m => m.Name))}")
            .ToList();

        Assert.True(doubled.Count == 0, $"Log event ids used twice: {string.Join("; ", doubled)}");
    }

    [Fact]
    public void Messages_FoundInTheAdapters_TheScanSeesThem() =>
        Assert.Contains(Messages(), m => m.Assembly == "ReleaseBot.Telegram");

    private static List<(string Assembly, string Name, int Id)> Messages() =>
        [
            .. from range in Ranges
               from type in Assembly.Load(new AssemblyName(range.Assembly)).GetTypes()
               from method in type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
               let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
               where attribute is not null
               select (range.Assembly, $"{type.FullName}.{method.Name}", attribute.EventId),
        ];
}
