using Microsoft.Extensions.Caching.Distributed;

namespace LogtoGenerated.Authentication;

/// <summary>
/// A Logto machine-to-machine (M2M) application's credentials and the API it asks tokens for: what the
/// client-credentials exchange (<c>POST {endpoint}/oidc/token</c>) needs.
/// </summary>
/// <remarks>
/// Set <see cref="TenantId"/> for Logto Cloud, or <see cref="Endpoint"/> for a self-hosted Logto. Use this class
/// directly to get tokens for your own API resources (see <see cref="LogtoClientCredentialsHandler"/>); the
/// Management API client (package <c>LogtoGenerated</c>) uses <c>LogtoManagementOptions</c>, which derives from it with Management API
/// defaults. <see cref="ToString"/> never shows the secret.
/// </remarks>
/// <example><code>
/// var options = new LogtoClientCredentialsOptions
/// {
///     TenantId = "abc123",
///     ClientId = "my-m2m-app-id",
///     ClientSecret = Environment.GetEnvironmentVariable("LOGTO_M2M_APP_SECRET"),
///     Resource = "https://shopping.api",
///     Scopes = { "read:orders" },
/// };
/// </code></example>
public class LogtoClientCredentialsOptions
{
    /// <summary>The default for <see cref="TokenRefreshSkew"/>: one minute.</summary>
    public static readonly TimeSpan DefaultTokenRefreshSkew = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Your Logto Cloud tenant id (the <c>abc123</c> of <c>https://abc123.logto.app</c>). Sets the endpoint to
    /// <c>https://{tenant}.logto.app</c> unless <see cref="Endpoint"/> is set too.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Your Logto origin, for example <c>https://auth.example.com</c> for a self-hosted Logto. Leave unset on Logto
    /// Cloud (see <see cref="TenantId"/>). Logto Cloud's Management API must be called on <c>https://{tenant}.logto.app</c>,
    /// not on a custom domain.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The token endpoint; <c>{Endpoint}/oidc/token</c> unless set. Must be <c>https</c>, except on loopback hosts
    /// (<c>localhost</c>, <c>127.0.0.1</c>) for local development.
    /// </summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The M2M application's App ID, from its page in the Logto console.</summary>
    public string? ClientId { get; set; }

    /// <summary>An App secret of the M2M application. Never logged, never shown by <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The API resource indicator the token is for, for example <c>https://shopping.api</c> (Console &gt; API
    /// resources &gt; API identifier). Required here unless <see cref="OrganizationId"/> is set;
    /// <c>LogtoManagementOptions</c> defaults it to the Management API.
    /// </summary>
    public string? Resource { get; set; }

    /// <summary>
    /// The organization the token is for (Logto sends it as <c>organization_id</c>); the application must be one of
    /// the organization's machine-to-machine apps. Without <see cref="Resource"/>: an organization token (audience
    /// <c>urn:logto:organization:{id}</c>, scopes from the app's organization roles' permissions). With it: a token for
    /// an organization-level API resource. Tokens are cached apart per organization. An organization token has no
    /// resource host to go to, so list the hosts of the API that receives it in <see cref="AllowedHosts"/>.
    /// </summary>
    public string? OrganizationId { get; set; }

    /// <summary>
    /// The permissions (scopes) to ask for, for example <c>read:orders</c>. A token that lacks one of them is
    /// refused with a <see cref="LogtoTokenException"/> naming it, because Logto silently leaves out scopes the
    /// application has no role for. <c>LogtoManagementOptions</c> asks for <c>all</c> when the list is empty. From
    /// configuration, an array (<c>"Scopes": ["read:orders", "write:orders"]</c>) or one space-separated string.
    /// </summary>
    public IList<string> Scopes { get; set; } = new List<string>();

    /// <summary>
    /// How long before its expiry a cached token starts being replaced; default one minute, and at most a fifth of the
    /// token's lifetime, so that a token is used for at least 80% of its life. In the first half of that time a new token
    /// is fetched in the background while calls go on with the old one; calls wait for a new token only when the
    /// old one is within the second half (30 seconds before expiry by default).
    /// </summary>
    public TimeSpan TokenRefreshSkew { get; set; } = DefaultTokenRefreshSkew;

    /// <summary>
    /// More hosts (besides the endpoint's host and port) the token may be sent to, each a host name (any port) or
    /// <c>host:port</c> (that port only); the token goes to them over <c>https</c> only (plain <c>http</c> only to
    /// <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>). For the Management API leave it empty. For your own API,
    /// list its host (for example <c>api.shopping.example</c>); when empty, the host and port of
    /// <see cref="Resource"/> are used if it is an http(s) URI.
    /// </summary>
    public IList<string> AllowedHosts { get; set; } = new List<string>();

    /// <summary>The default for <see cref="SharedTokenCacheTimeout"/>: one second.</summary>
    public static readonly TimeSpan DefaultSharedTokenCacheTimeout = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A distributed cache (Redis, SQL Server, ...) through which every process of the application shares its tokens,
    /// so that a fleet or a function started many times fetches one token, not one per process; <see langword="null"/>
    /// (default) keeps tokens in this process only. With dependency injection, set <see cref="UseSharedTokenCache"/>
    /// instead to use the registered <see cref="IDistributedCache"/>.
    /// </summary>
    /// <remarks>
    /// Entries are encrypted and named with keys derived from <see cref="ClientSecret"/>: reading the cache is not enough
    /// to use a token, and another application or secret never reads this one's entry. A cache that fails, is slow or
    /// holds garbage never fails a call: the client then fetches its own token (see <see cref="SharedTokenCacheTimeout"/>).
    /// </remarks>
    public IDistributedCache? SharedTokenCache { get; set; }

    /// <summary>
    /// With dependency injection (<c>AddLogtoManagementClient</c>): share tokens through the application's registered
    /// <see cref="IDistributedCache"/> (for example <c>AddStackExchangeRedisCache</c>). Configuration key
    /// <c>UseSharedTokenCache</c>. Ignored when <see cref="SharedTokenCache"/> is set; without dependency injection,
    /// set <see cref="SharedTokenCache"/>.
    /// </summary>
    public bool UseSharedTokenCache { get; set; }

    /// <summary>
    /// The longest a call waits for one operation of the shared token cache before going on without it; default one
    /// second. The first operation of a cache instance, which usually opens its connection, gets at least ten seconds;
    /// a cache that fails (a refused connection) ends the wait as soon as it says so. A call waits for the shared cache
    /// only when this process has no fresh token, once per token lifetime. With a cache that adds if absent
    /// (<see cref="IDistributedCacheAddIfAbsent"/>), a process that another one is fetching the token for also waits for
    /// that token: at most ten seconds (twice the fetch lease), usually the time of one token request.
    /// </summary>
    public TimeSpan SharedTokenCacheTimeout { get; set; } = DefaultSharedTokenCacheTimeout;

    /// <summary>The clock for token expiry; <see cref="TimeProvider.System"/> unless set (tests pass a fake).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// What these options fill in when <see cref="Resource"/> or <see cref="Scopes"/> is empty, and whether they take an
    /// <see cref="OrganizationId"/>: none and yes here; <c>LogtoManagementOptions</c> supplies the Management API's.
    /// </summary>
    internal virtual ClientCredentialsDefaults Defaults => ClientCredentialsDefaults.None;

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>The endpoint, client id, resource and scopes.</returns>
    public override string ToString() =>
        GetType().Name + " { TenantId = " + TenantId + ", Endpoint = " + Endpoint + ", ClientId = " + ClientId
        + ", ClientSecret = " + (string.IsNullOrEmpty(ClientSecret) ? "(not set)" : "(hidden)")
        + ", Resource = " + Resource + (OrganizationId is null ? "" : ", OrganizationId = " + OrganizationId) + ", Scopes = [" + string.Join(" ", Scopes ?? []) + "]"
        + ", SharedTokenCache = " + (SharedTokenCache is not null ? "set" : UseSharedTokenCache ? "registered" : "none") + " }";
}
