namespace ReleaseBot.HuggingFace.Client;

/// <summary>The Hub answered something the client cannot use (after retries). Never carries the token.</summary>
public sealed class HubException : Exception
{
    public HubException()
    {
    }

    public HubException(string message)
        : base(message)
    {
    }

    public HubException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
