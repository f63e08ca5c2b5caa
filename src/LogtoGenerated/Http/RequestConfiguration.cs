namespace LogtoGenerated.Http;

/// <summary>What a caller can set for one request: extra headers.</summary>
/// <example><code>await client.Users["id"].GetAsync(config => config.Headers["Accept-Language"] = "de");</code></example>
public class RequestConfiguration
{
    private Dictionary<string, string>? _headers;

    /// <summary>Headers to send with the request; names are case-insensitive. A header set here replaces one the client would send.</summary>
    public IDictionary<string, string> Headers => _headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

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
