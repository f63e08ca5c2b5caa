using System.Net.Http.Headers;

namespace LogtoGenerated.Authentication;

/// <summary>
/// An <see cref="IAuthenticationProvider"/> that sends an access token the caller already holds as
/// <c>Authorization: Bearer &lt;token&gt;</c>. Useful in tests and for callers that obtain tokens themselves.
/// </summary>
/// <remarks>
/// The token goes only where every provider sends tokens: to the allowed hosts (exact host and port when an entry
/// gives a port), over <c>https</c> (plain <c>http</c> only to <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>).
/// Without a list of hosts, the allowed host is the endpoint of the <see cref="LogtoManagementClient"/> (or
/// <see cref="Http.LogtoRequestAdapter"/>) the provider is given to; used anywhere else, such a provider sends the
/// token nowhere. Other requests go out without it. The token never appears in <see cref="ToString"/> or in
/// exception messages.
/// </remarks>
public sealed class BearerTokenAuthenticationProvider : IAuthenticationProvider, IEndpointBoundAuthentication
{
    // AuthenticationHeaderValue is immutable, so one instance can be shared by every request.
    private readonly AuthenticationHeaderValue _authorization;
    private readonly LogtoAllowedHosts? _allowedHosts;

    /// <summary>Creates a provider that sends <paramref name="accessToken"/> as a bearer token.</summary>
    /// <param name="accessToken">The access token, without the <c>Bearer </c> prefix.</param>
    /// <param name="allowedHosts">
    /// The hosts the token may be sent to, such as <c>my-tenant.logto.app</c> (any port) or <c>localhost:3001</c>
    /// (that port only), compared case-insensitively; <see langword="null"/> for the host and port of the Logto
    /// endpoint of the client this provider is given to.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="accessToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The token is empty, contains whitespace or starts with <c>Bearer </c>, or <paramref name="allowedHosts"/>
    /// is empty or contains an entry that is not a host name (or <c>host:port</c>).
    /// </exception>
    public BearerTokenAuthenticationProvider(string accessToken, IEnumerable<string>? allowedHosts = null)
    {
        CheckToken(accessToken);
        _authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        _allowedHosts = allowedHosts is null ? null : ParseHosts(allowedHosts);
    }

    private BearerTokenAuthenticationProvider(AuthenticationHeaderValue authorization, LogtoAllowedHosts allowedHosts)
    {
        _authorization = authorization;
        _allowedHosts = allowedHosts;
    }

    /// <summary>
    /// Sets the request's <c>Authorization</c> header to the bearer token when the request may carry it (see the
    /// remarks of the class); otherwise leaves the request unchanged.
    /// </summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="cancellationToken">Not used: the token is already at hand.</param>
    /// <returns>A completed task.</returns>
    public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_allowedHosts is not null && _allowedHosts.Allows(request.RequestUri))
        {
            request.Headers.Authorization = _authorization;
        }

        return default;
    }

    /// <summary>Describes the provider without revealing the token.</summary>
    /// <returns>The type name and the allowed hosts.</returns>
    public override string ToString() =>
        _allowedHosts is null
            ? "BearerTokenAuthenticationProvider (token hidden, hosts: the client's endpoint)"
            : "BearerTokenAuthenticationProvider (token hidden, hosts: " + _allowedHosts + ")";

    /// <inheritdoc/>
    IAuthenticationProvider IEndpointBoundAuthentication.ForEndpoint(Uri endpoint) =>
        _allowedHosts is not null ? this : new BearerTokenAuthenticationProvider(_authorization, LogtoAllowedHosts.Create([endpoint], []));

    private static void CheckToken(string accessToken)
    {
        ArgumentNullException.ThrowIfNull(accessToken);
        if (string.IsNullOrWhiteSpace(accessToken))
        {
            throw new ArgumentException("The access token must not be empty.", nameof(accessToken));
        }

        if (accessToken.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Pass the access token without the 'Bearer ' prefix.", nameof(accessToken));
        }

        if (accessToken.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ArgumentException("The access token must not contain whitespace or control characters.", nameof(accessToken));
        }
    }

    private static LogtoAllowedHosts ParseHosts(IEnumerable<string> allowedHosts)
    {
        var hosts = new List<string>();
        foreach (string host in allowedHosts)
        {
            if (LogtoAllowedHosts.Problem(host) is { } problem)
            {
                throw new ArgumentException("Allowed hosts: " + problem + ".", nameof(allowedHosts));
            }

            hosts.Add(host);
        }

        if (hosts.Count == 0)
        {
            throw new ArgumentException(
                "Give at least one allowed host (for example \"my-tenant.logto.app\"), or null for the endpoint of the client the provider is given to.",
                nameof(allowedHosts));
        }

        return LogtoAllowedHosts.Create([], hosts);
    }
}
