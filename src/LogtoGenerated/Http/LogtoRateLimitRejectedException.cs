namespace LogtoGenerated.Http;

/// <summary>
/// Thrown when the client-side rate limiter (<see cref="LogtoManagementOptions.RateLimiter"/>) refused a
/// request, because too many requests were already waiting. The request was not sent.
/// </summary>
public sealed class LogtoRateLimitRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="retryAfter">How long the limiter suggests waiting, when it knows.</param>
    public LogtoRateLimitRejectedException(string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the limiter suggests waiting before trying again, when it knows.</summary>
    public TimeSpan? RetryAfter { get; }
}
