namespace LogtoGenerated.Http;

/// <summary>What a caller can set for one request: headers, a timeout, retries, and a look at the raw response.</summary>
/// <example><code>
/// await client.Users["id"].GetAsync(config =>
/// {
///     config.Headers["Accept-Language"] = "de";
///     config.Timeout = TimeSpan.FromSeconds(5);
///     config.Retry = LogtoRetryOptions.None;
/// });
/// </code></example>
public class RequestConfiguration
{
    // The longest delay a CancellationTokenSource timer accepts (uint.MaxValue - 1 milliseconds).
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private Dictionary<string, string>? _headers;
    private TimeSpan? _timeout;

    /// <summary>Headers to send with the request; names are case-insensitive. A header set here replaces one the client would send.</summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long the whole call may take, retries and their delays included; <see langword="null"/> (default) for
    /// no limit beyond <see cref="HttpClient.Timeout"/>. When it passes, the call throws <see cref="TimeoutException"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero, negative, or longer than a timer can wait (about 49 days).</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            if (value is { } timeout && timeout != System.Threading.Timeout.InfiniteTimeSpan
                && (timeout <= TimeSpan.Zero || timeout > MaxTimeout))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(Timeout), timeout, "The timeout must be positive and at most 49 days, or null (or Timeout.InfiniteTimeSpan) for none.");
            }

            _timeout = value;
        }
    }

    /// <summary>Retries for this request, replacing the client's <see cref="LogtoManagementOptions.Retry"/>; <see langword="null"/> keeps the client's. Out-of-range values make the call throw an <see cref="ArgumentException"/> saying which.</summary>
    public LogtoRetryOptions? Retry { get; set; }

    /// <summary>
    /// Called with the final response's status and headers (after retries) before its body is read, also when
    /// the call then throws <see cref="LogtoApiException"/>. Use it for headers the typed result does not carry.
    /// </summary>
    public Action<LogtoResponse>? OnResponse { get; set; }

    /// <summary>The headers when any were set; <see langword="null"/> otherwise, to avoid allocating.</summary>
    internal Dictionary<string, string>? HeadersOrNull => _headers;
}

/// <summary>What a caller can set for one request of an operation that takes query parameters.</summary>
/// <typeparam name="TQueryParameters">The operation's generated query parameter class.</typeparam>
/// <example><code>await client.Users.GetAsync(config => config.QueryParameters.Page = 2);</code></example>
public class RequestConfiguration<TQueryParameters> : RequestConfiguration
    where TQueryParameters : class, IQueryParameters, new()
{
    private TQueryParameters? _queryParameters;

    /// <summary>The operation's query parameters, created on first access.</summary>
    public TQueryParameters QueryParameters => _queryParameters ??= new TQueryParameters();

    /// <summary>The query parameters when they were accessed; <see langword="null"/> otherwise.</summary>
    internal TQueryParameters? QueryParametersOrNull => _queryParameters;
}
