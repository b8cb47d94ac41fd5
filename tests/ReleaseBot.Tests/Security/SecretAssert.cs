using Microsoft.Extensions.Logging.Testing;

namespace ReleaseBot.Tests.Security;

/// <summary>Checks that a secret appears in no captured log line, logged state value or logged exception.</summary>
internal static class SecretAssert
{
    public static void NotLogged(FakeLogCollector logs, params string[] secrets)
    {
        var records = logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            var texts = new List<string?> { record.Message, record.Exception?.ToString() };
            texts.AddRange(record.StructuredState?.Select(kv => kv.Value) ?? []);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(texts, t => t is not null && t.Contains(secret, StringComparison.Ordinal));
            }
        }
    }

    public static void NotIn(IEnumerable<string> texts, params string[] secrets)
    {
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }
}
