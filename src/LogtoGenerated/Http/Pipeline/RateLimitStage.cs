using System.Threading.RateLimiting;

namespace LogtoGenerated.Http.Pipeline;

/// <summary>Stage 1: waits for a permit of the client-side rate limiter before every attempt (nothing to do without one).</summary>
/// <remarks>
/// The permit is handed out as an <see cref="IDisposable"/>, so that the pipeline's own code names no type of
/// System.Threading.RateLimiting: a client without a limiter never loads that assembly.
/// </remarks>
internal sealed class RateLimitStage
{
    private readonly RateLimiter? _limiter;

    public RateLimitStage(RateLimiter? limiter) => _limiter = limiter;

    /// <summary>The permit, to dispose once the attempt's response headers arrived; <see langword="null"/> without a limiter.</summary>
    /// <exception cref="LogtoRateLimitRejectedException">The limiter had no permit and no room in its queue.</exception>
    public ValueTask<IDisposable?> WaitAsync(RequestInformation request, CancellationToken cancellationToken) =>
        _limiter is null ? default : AcquireAsync(_limiter, request, cancellationToken);

    private static async ValueTask<IDisposable?> AcquireAsync(RateLimiter limiter, RequestInformation request, CancellationToken cancellationToken)
    {
        RateLimitLease lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (lease.IsAcquired)
        {
            return lease;
        }

        TimeSpan? retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan after) ? after : null;
        lease.Dispose();
        throw new LogtoRateLimitRejectedException(
            request.Method.Method + " " + request.PathTemplate + " was not sent: the client-side rate limiter had no permit for it and no room in its queue. " +
            "Send fewer requests at once, or raise the limiter's permit or queue limit.",
            retryAfter);
    }
}
