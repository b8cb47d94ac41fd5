namespace ReleaseBot.Discord.Gateway;

/// <summary>How one gateway connection ended.</summary>
/// <param name="Reason">What ended it.</param>
/// <param name="CloseCode">The server's close code, for <see cref="GatewayEndReason.Closed"/>.</param>
/// <param name="Established">READY or RESUMED arrived on it (a connection that got that far is not a failure).</param>
/// <param name="Resumable">op 9's <c>d</c>, for <see cref="GatewayEndReason.InvalidSession"/>.</param>
public sealed record GatewayEnd(GatewayEndReason Reason, int? CloseCode = null, bool Established = false, bool Resumable = false);
