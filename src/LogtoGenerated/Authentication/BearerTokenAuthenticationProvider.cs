using System.Net.Http.Headers;

namespace LogtoGenerated.Authentication;

/// <summary>
/// An <see cref="IAuthenticationProvider"/> that sends an access token the caller already holds as
/// <c>Authorization: Bearer &lt;token&gt;</c>. Useful in tests and for callers that obtain tokens themselves.
/// </summary>
/// <remarks>
/// The token is attached only to requests whose host is in the allowed hosts given to the constructor
/// (any host when none were given), so it cannot leak to another server. The token never appears in
/// <see cref="ToString"/> or in exception messages.
/// </remarks>
public sealed class BearerTokenAuthenticationProvider : IAuthenticationProvider
{
    // AuthenticationHeaderValue is immutable, so one instance can be shared by every request.
    private readonly AuthenticationHeaderValue _authorization;
    private readonly HashSet<string>? _allowedHosts;

    /// <summary>Creates a provider that sends <paramref name="accessToken"/> as a bearer token.</summary>
    /// <param name="accessToken">The access token, without the <c>Bearer </c> prefix.</param>
    /// <param name="allowedHosts">
    /// The host names (for example <c>my-tenant.logto.app</c>) the token may be sent to, compared
    /// case-insensitively; <see langword="null"/> sends it to any host.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="accessToken"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// The token is empty, contains whitespace or starts with <c>Bearer </c>, or <paramref name="allowedHosts"/>
    /// is empty or contains an empty host.
    /// </exception>
    public BearerTokenAuthenticationProvider(string accessToken, IEnumerable<string>? allowedHosts = null)
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

        foreach (char c in accessToken)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new ArgumentException("The access token must not contain whitespace or control characters.", nameof(accessToken));
            }
        }

        if (allowedHosts is not null)
        {
            _allowedHosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string host in allowedHosts)
            {
                if (string.IsNullOrWhiteSpace(host))
                {
                    throw new ArgumentException("Allowed hosts must not be null or empty.", nameof(allowedHosts));
                }

                _allowedHosts.Add(host.Trim());
            }

            if (_allowedHosts.Count == 0)
            {
                throw new ArgumentException(
                    "Give at least one allowed host (for example \"my-tenant.logto.app\"), or null to allow any host.",
                    nameof(allowedHosts));
            }
        }

        _authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    /// <summary>
    /// Sets the request's <c>Authorization</c> header to the bearer token when the request's host is allowed;
    /// otherwise leaves the request unchanged.
    /// </summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="cancellationToken">Not used: the token is already at hand.</param>
    /// <returns>A completed task.</returns>
    public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (IsAllowed(request.RequestUri))
        {
            request.Headers.Authorization = _authorization;
        }

        return default;
    }

    /// <summary>Describes the provider without revealing the token.</summary>
    /// <returns>The type name and the allowed hosts.</returns>
    public override string ToString() =>
        _allowedHosts is null
            ? "BearerTokenAuthenticationProvider (token hidden, any host)"
            : "BearerTokenAuthenticationProvider (token hidden, hosts: " + string.Join(", ", _allowedHosts) + ")";

    private bool IsAllowed(Uri? uri)
    {
        if (_allowedHosts is null)
        {
            return true;
        }

        return uri is not null && uri.IsAbsoluteUri
            && (_allowedHosts.Contains(uri.Host) || _allowedHosts.Contains(uri.IdnHost));
    }
}
