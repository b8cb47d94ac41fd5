namespace ReleaseBot.Testing.FakeDiscord;

/// <summary>The fake's mutable record of one dispatched interaction: its answer, original response and follow-ups. Lock on it.</summary>
internal sealed class FakeDiscordInteractionEntry(FakeDiscordInteraction interaction)
{
    public FakeDiscordInteraction Interaction => interaction;
    public int? AckType { get; set; }
    public FakeDiscordMessage? Original { get; set; }
    public List<FakeDiscordMessage> FollowUps { get; } = [];
}
