namespace LogtoGenerated.Http;

/// <summary>
/// When and how often a failed call is sent again: after <c>429 Too Many Requests</c>, <c>502</c>, <c>503</c>,
/// <c>504</c>, or a connection failure, with exponential backoff and jitter, honouring <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// <para>
/// Only idempotent methods (<c>GET</c>, <c>HEAD</c>, <c>OPTIONS</c>, <c>PUT</c>, <c>DELETE</c>) are retried, unless
/// <see cref="RetryNonIdempotentMethods"/> is set (for one request, through
/// <see cref="RequestConfiguration.Retry"/>, when you know a repeated <c>POST</c> or <c>PATCH</c> is harmless).
/// A request whose body cannot be sent twice (an upload from a stream that cannot seek) is never retried.
/// </para>
/// <para>Immutable: one instance can be shared by any number of clients and requests.</para>
/// </remarks>
/// <example><code>
/// var options = new LogtoRequestAdapterOptions { Retry = new LogtoRetryOptions { MaxRetries = 5 } };
/// await client.Users.PostAsync(body, config => config.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true });
/// </code></example>
public sealed record LogtoRetryOptions
{
    // The longest InitialDelay or MaxDelay; also keeps every delay within what Task.Delay accepts (about 49 days).
    private static readonly TimeSpan MaxSupportedDelay = TimeSpan.FromDays(1);

    private readonly int _maxRetries = 3;
    private readonly TimeSpan _initialDelay = TimeSpan.FromMilliseconds(500);
    private readonly TimeSpan _maxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Three retries, starting at 0.5 s, at most 30 s apart, idempotent methods only.</summary>
    public static LogtoRetryOptions Default { get; } = new();

    /// <summary>No retries: every call is sent once.</summary>
    public static LogtoRetryOptions None { get; } = new() { MaxRetries = 0 };

    /// <summary>How many times a call is sent again after the first attempt; 0 turns retries off. Default 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or above 10.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        init
        {
            if (value is < 0 or > 10)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxRetries), value, "MaxRetries must be between 0 (no retries) and 10.");
            }

            _maxRetries = value;
        }
    }

    /// <summary>The delay before the first retry; each further retry doubles it (before jitter). Default 0.5 s.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than one day.</exception>
    public TimeSpan InitialDelay
    {
        get => _initialDelay;
        init => _initialDelay = CheckDelay(value, nameof(InitialDelay));
    }

    /// <summary>
    /// The longest delay between attempts. A <c>Retry-After</c> longer than this is not waited for: the call fails
    /// with the <c>429</c> or <c>503</c> instead of hanging. Default 30 s.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than one day.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        init => _maxDelay = CheckDelay(value, nameof(MaxDelay));
    }

    /// <summary>
    /// Also retry <c>POST</c> and <c>PATCH</c>. Off by default, because a retried <c>POST</c> whose first attempt
    /// reached Logto may create a second user. Turn it on for one request, not for a whole client.
    /// </summary>
    public bool RetryNonIdempotentMethods { get; init; }

    /// <summary>The backoff before retry number <paramref name="retry"/> (1 for the first): exponential, with ±20% jitter, at most <see cref="MaxDelay"/>.</summary>
    internal TimeSpan GetBackoff(int retry)
    {
        double exponential = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
        double jittered = exponential * (0.8 + (0.4 * Random.Shared.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, MaxDelay.TotalMilliseconds));
    }

    /// <summary>Whether a request with this method may be retried under these options.</summary>
    internal bool AllowsMethod(HttpMethod method) =>
        RetryNonIdempotentMethods
        || method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static TimeSpan CheckDelay(TimeSpan value, string name) =>
        value >= TimeSpan.Zero && value <= MaxSupportedDelay
            ? value
            : throw new ArgumentOutOfRangeException(name, value, name + " must be between zero and one day.");
}
