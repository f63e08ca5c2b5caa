using System.Threading.RateLimiting;

namespace LogtoGenerated.Http;

/// <summary>Ready-made client-side rate limiters for <see cref="LogtoManagementOptions.RateLimiter"/>.</summary>
public static class LogtoRateLimiters
{
    /// <summary>
    /// A sliding-window limiter allowing about 200 requests per 10 seconds (Logto Cloud's guidance for the
    /// Management API), in 10 one-second segments. Requests over the limit wait in line, oldest first, rather
    /// than fail; at most <paramref name="queueLimit"/> may wait.
    /// </summary>
    /// <param name="queueLimit">How many requests may wait for a permit before further ones fail; default 10,000.</param>
    /// <returns>A new limiter; dispose it when no client uses it any more.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="queueLimit"/> is negative.</exception>
    public static RateLimiter CreateLogtoCloudLimiter(int queueLimit = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        return new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
        {
            PermitLimit = 200,
            Window = TimeSpan.FromSeconds(10),
            SegmentsPerWindow = 10,
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
