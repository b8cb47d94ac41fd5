namespace ReleaseBot.Core.Replies;

/// <summary>A labelled value ("Licence: mit"); Discord shows it as an embed field.</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = true);
