namespace ReleaseBot.Core.Replies;

public sealed record ReplyLink(string Text, string Url);
