using System.Threading.RateLimiting;

namespace LogtoGenerated.Http;

/// <summary>How <see cref="LogtoRequestAdapter"/> sends requests: retries, client-side rate limiting, clock.</summary>
public sealed class LogtoRequestAdapterOptions
{
    /// <summary>When failed calls are sent again; <see cref="LogtoRetryOptions.Default"/> unless set. Use <see cref="LogtoRetryOptions.None"/> to turn retries off.</summary>
    public LogtoRetryOptions Retry { get; set; } = LogtoRetryOptions.Default;

    /// <summary>
    /// A limiter every request (each attempt) waits for before it is sent, or <see langword="null"/> (default) for none.
    /// <see cref="LogtoRateLimiters.CreateLogtoCloudLimiter"/> matches Logto Cloud's guidance. The limiter is not
    /// disposed by the client; share one limiter between the clients of one tenant.
    /// </summary>
    public RateLimiter? RateLimiter { get; set; }

    /// <summary>The clock used for retry delays and timeouts; <see cref="TimeProvider.System"/> unless set (tests use a fake).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
