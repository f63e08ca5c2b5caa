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
/// <para>
/// Settable like any options object, so that configuration binds it (<c>Retry:MaxRetries</c>) and code can change the
/// client's (<c>options.Retry.MaxRetries = 5</c>). A client copies its options when it is created, and a request's
/// when it is sent; <see cref="Default"/> and <see cref="None"/> return a new instance each time. Out-of-range values
/// are reported when they are used, with the other problems of the options.
/// </para>
/// </remarks>
/// <example><code>
/// var options = new LogtoManagementOptions { Retry = { MaxRetries = 5 } };
/// await client.Users.PostAsync(body, config => config.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true });
/// </code></example>
public sealed record LogtoRetryOptions
{
    // The longest InitialDelay or MaxDelay; also keeps every delay within what Task.Delay accepts (about 49 days).
    private static readonly TimeSpan MaxSupportedDelay = TimeSpan.FromDays(1);

    /// <summary>Three retries, starting at 0.5 s, at most 30 s apart, idempotent methods only (a new instance each time).</summary>
    public static LogtoRetryOptions Default => new();

    /// <summary>No retries: every call is sent once (a new instance each time).</summary>
    public static LogtoRetryOptions None => new() { MaxRetries = 0 };

    /// <summary>How many times a call is sent again after the first attempt: 0 (no retries) to 10. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; each further retry doubles it (before jitter). Zero to one day; default 0.5 s.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest delay between attempts. A <c>Retry-After</c> longer than this is not waited for: the call fails
    /// with the <c>429</c> or <c>503</c> instead of hanging. Zero to one day; default 30 s.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Also retry <c>POST</c> and <c>PATCH</c>. Off by default, because a retried <c>POST</c> whose first attempt
    /// reached Logto may create a second user. Turn it on for one request, not for a whole client.
    /// </summary>
    public bool RetryNonIdempotentMethods { get; set; }

    /// <summary>Whether every value is in its range (<see cref="AddProblems"/> says what is not).</summary>
    internal bool IsInRange => MaxRetries is >= 0 and <= 10 && IsDelay(InitialDelay) && IsDelay(MaxDelay);

    /// <summary>
    /// Adds every out-of-range value to <paramref name="errors"/>, each a sentence starting with <paramref name="name"/>
    /// (what these options are called where they were set, for example <c>LogtoManagementOptions.Retry</c>).
    /// </summary>
    internal void AddProblems(List<string> errors, string name)
    {
        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"{name}.MaxRetries {MaxRetries} must be between 0 (no retries) and 10.");
        }

        if (!IsDelay(InitialDelay))
        {
            errors.Add($"{name}.InitialDelay {InitialDelay} must be between 00:00:00 and 1.00:00:00 (one day).");
        }

        if (!IsDelay(MaxDelay))
        {
            errors.Add($"{name}.MaxDelay {MaxDelay} must be between 00:00:00 and 1.00:00:00 (one day).");
        }
    }

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

    private static bool IsDelay(TimeSpan value) => value >= TimeSpan.Zero && value <= MaxSupportedDelay;
}
