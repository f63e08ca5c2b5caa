using System.Threading.RateLimiting;

namespace LogtoGenerated.Http;

/// <summary>How <see cref="LogtoRequestAdapter"/> sends requests: retries, client-side rate limiting, pages requested ahead, clock.</summary>
public sealed class LogtoRequestAdapterOptions
{
    /// <summary>The default of <see cref="MaxConcurrentPageRequests"/>.</summary>
    public const int DefaultMaxConcurrentPageRequests = 4;

    private int _maxConcurrentPageRequests = DefaultMaxConcurrentPageRequests;

    /// <summary>When failed calls are sent again; <see cref="LogtoRetryOptions.Default"/> unless set. Use <see cref="LogtoRetryOptions.None"/> to turn retries off.</summary>
    public LogtoRetryOptions Retry { get; set; } = LogtoRetryOptions.Default;

    /// <summary>
    /// A limiter every request (each attempt) waits for before it is sent, or <see langword="null"/> (default) for none.
    /// <see cref="LogtoRateLimiters.CreateLogtoCloudLimiter"/> matches Logto Cloud's guidance. The limiter is not
    /// disposed by the client; share one limiter between the clients of one tenant.
    /// </summary>
    public RateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// How many pages a <c>GetAllAsync</c> enumeration may request at once (default <see cref="DefaultMaxConcurrentPageRequests"/>).
    /// Once a page has told the total (an uncapped <c>Total-Number</c>), the following pages are requested ahead, up to this
    /// many at a time, each through the same rate limiter, retries and token handling as every call; items still come in
    /// Logto's order. <c>1</c> requests each page only after the previous one has been read.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int MaxConcurrentPageRequests
    {
        get => _maxConcurrentPageRequests;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxConcurrentPageRequests = value;
        }
    }

    /// <summary>The clock used for retry delays and timeouts; <see cref="TimeProvider.System"/> unless set (tests use a fake).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
