namespace ReleaseBot.Core.Replies;

/// <summary>One line of plain text; renderers escape it. With <see cref="Url"/> the text links there.</summary>
public sealed record ReplyLine(string Text, string? Url = null, bool Bold = false);
