using System.Net.Http.Headers;
using Microsoft.Extensions.Caching.Distributed;

namespace LogtoGenerated.Authentication;

/// <summary>
/// <see cref="LogtoClientCredentialsOptions"/> checked and resolved once (by <see cref="ClientCredentialsOptionsCheck"/>):
/// defaults applied, the Basic credentials encoded, the allowed hosts collected. Immutable, so later changes to the
/// options object have no effect.
/// </summary>
internal sealed class ClientCredentialsSettings
{
    public required Uri Endpoint { get; init; }

    public required Uri TokenEndpoint { get; init; }

    public required string ClientId { get; init; }

    /// <summary><c>Basic base64(urlencode(id) ":" urlencode(secret))</c>, RFC 6749 section 2.3.1; never printed.</summary>
    public required AuthenticationHeaderValue BasicCredentials { get; init; }

    /// <summary>
    /// The token's audience, for messages, logs and metrics: the API resource, or <c>urn:logto:organization:{id}</c> for an
    /// organization token.
    /// </summary>
    public required string Resource { get; init; }

    /// <summary>The <c>resource</c> sent to the token endpoint; none for an organization token.</summary>
    public string? RequestedResource { get; init; }

    /// <summary>The <c>organization_id</c> sent to the token endpoint, if any.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The requested scopes, sorted and without duplicates.</summary>
    public required string[] Scopes { get; init; }

    public required TimeSpan RefreshSkew { get; init; }

    /// <summary>Where the token may go: the endpoint's host and port, and the allowed hosts.</summary>
    public required LogtoAllowedHosts AllowedHosts { get; init; }

    /// <summary>Whether the resource is Logto's Management API (changes the advice in error messages).</summary>
    public required bool IsManagementApi { get; init; }

    public required TimeProvider TimeProvider { get; init; }

    /// <summary>The shared token cache set in the options, if any.</summary>
    public IDistributedCache? SharedCache { get; init; }

    /// <summary>Whether dependency injection supplies the shared token cache.</summary>
    public bool UseRegisteredSharedCache { get; init; }

    public TimeSpan SharedCacheTimeout { get; init; }

    /// <summary>Names and seals the shared-cache entry (keys derived from the secret); set when a shared cache is wanted.</summary>
    public SharedTokenProtector? SharedTokenProtector { get; init; }

    /// <summary>
    /// When a token issued at <paramref name="issuedAt"/> and expiring at <paramref name="expiresAt"/> is no longer used:
    /// half its refresh lead before expiry (see <see cref="RefreshLead"/>). The refresh-ahead window, in which a new
    /// token is fetched in the background, is the first half of the lead.
    /// </summary>
    public DateTimeOffset RefreshAt(DateTimeOffset issuedAt, DateTimeOffset expiresAt) => expiresAt - (RefreshLead(expiresAt - issuedAt) / 2);

    /// <summary>
    /// How long before expiry a token starts being replaced: the refresh skew, but at most a fifth of the lifetime, so
    /// that a token is used for at least 80% of its life whatever it is (60 s, an hour, a day).
    /// </summary>
    public TimeSpan RefreshLead(TimeSpan lifetime) => RefreshSkew < lifetime / 5 ? RefreshSkew : lifetime / 5;

    /// <summary>Whether the token endpoint is on <c>*.logto.app</c>.</summary>
    public bool IsLogtoCloud => TokenEndpoint.IdnHost.EndsWith(".logto.app", StringComparison.OrdinalIgnoreCase);

    public TokenCacheKey CacheKey => new(TokenEndpoint.AbsoluteUri, ClientId, Resource, string.Join(' ', Scopes), OrganizationId);

    /// <summary>The audience of an organization token: <c>urn:logto:organization:{id}</c>.</summary>
    public static string OrganizationAudience(string organizationId) => "urn:logto:organization:" + organizationId;

    /// <summary>Checks and resolves the options; throws <see cref="ArgumentException"/> listing every problem, each naming its option.</summary>
    public static ClientCredentialsSettings Resolve(LogtoClientCredentialsOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        List<string> errors = ClientCredentialsOptionsCheck.Run(options, out ClientCredentialsSettings? settings);
        return errors.Count > 0 ? throw ClientCredentialsOptionsCheck.NotValid(errors, parameterName) : settings!;
    }
}

/// <summary>What a cached token is for: one token per token endpoint, client, resource, (sorted) scopes and organization.</summary>
internal sealed record TokenCacheKey(string TokenEndpoint, string ClientId, string Resource, string Scopes, string? OrganizationId = null);
