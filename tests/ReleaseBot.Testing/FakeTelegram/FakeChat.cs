using System.Collections.Concurrent;

namespace ReleaseBot.Testing.FakeTelegram;

/// <summary>A chat the fake knows: its kind, the bot's standing in it and its members' statuses.</summary>
public sealed class FakeChat(long id, string type, string? title = null, string? username = null)
{
    public long Id { get; } = id;
    /// <summary><c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</summary>
    public string Type { get; } = type;
    public string? Title { get; set; } = title;
    public string? Username { get; set; } = username;
    public FakeChatStatus Status { get; set; }
    public long? MigratedTo { get; set; }

    /// <summary>The bot's member status: <c>member</c>, <c>administrator</c>, <c>left</c>, <c>kicked</c>.</summary>
    public string BotStatus { get; set; } = "member";
    public bool BotCanPost { get; set; } = true;

    /// <summary>User id → <c>creator</c>, <c>administrator</c>, <c>member</c>, <c>left</c>, <c>kicked</c>.</summary>
    public ConcurrentDictionary<long, string> Members { get; } = new();

    public bool IsGroupLike => Type is not "private";
}
