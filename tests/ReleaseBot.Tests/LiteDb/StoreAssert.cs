using System.Text.Json;

namespace ReleaseBot.Tests.LiteDb;

internal static class StoreAssert
{
    /// <summary>
    /// Field-by-field equality through JSON: records with lists compare lists by reference, and
    /// JSON writes DateTimeOffset with all seven fractional digits and the offset.
    /// </summary>
    public static void Same<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
