using System.Threading.RateLimiting;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;

namespace LogtoGenerated;

/// <summary>
/// Everything <see cref="LogtoManagementClient.Create(LogtoManagementOptions, HttpClient?, Microsoft.Extensions.Logging.ILoggerFactory?)"/> and
/// <c>AddLogtoManagementClient</c> need: where Logto is, the M2M application's credentials, and how requests are sent.
/// </summary>
/// <remarks>
/// <para>
/// Logto Cloud: set <see cref="LogtoClientCredentialsOptions.TenantId"/>, <see cref="LogtoClientCredentialsOptions.ClientId"/>
/// and <see cref="LogtoClientCredentialsOptions.ClientSecret"/>. The endpoint becomes <c>https://{tenant}.logto.app</c> and the
/// resource <c>https://{tenant}.logto.app/api</c>. Call the Management API on that default endpoint, not on a custom domain.
/// </para>
/// <para>
/// Self-hosted: set <see cref="LogtoClientCredentialsOptions.Endpoint"/> instead of the tenant id; the resource is
/// <c>https://default.logto.app/api</c>.
/// </para>
/// <para>
/// In the Logto console, create a machine-to-machine application and assign it a role with the Management API's
/// <c>all</c> permission (the built-in "Logto Management API access" role). Scopes default to <c>all</c> (when
/// <see cref="LogtoClientCredentialsOptions.Scopes"/> is empty).
/// </para>
/// <para>
/// The same options configure a <see cref="LogtoRequestAdapter"/> built with your own authentication provider (only
/// how requests are sent is read then). Every rule is checked when the client is created (with dependency injection,
/// when the host starts), and every problem is reported at once, each naming its option. The client copies what it
/// needs then: later changes to this object have no effect on it.
/// </para>
/// </remarks>
public class LogtoManagementOptions : LogtoClientCredentialsOptions
{
    /// <summary>The Management API's resource indicator on a self-hosted Logto.</summary>
    public const string SelfHostedManagementApiResource = ManagementApiResource.SelfHosted;

    /// <summary>The Management API's permission that grants every operation.</summary>
    public const string AllScope = ManagementApiResource.AllScope;

    /// <summary>The default of <see cref="MaxConcurrentPageRequests"/>.</summary>
    public const int DefaultMaxConcurrentPageRequests = 4;

    /// <summary>
    /// When failed calls are sent again: three retries of idempotent methods unless changed, for example
    /// <c>options.Retry.MaxRetries = 5</c>, or <c>options.Retry = LogtoRetryOptions.None</c> to turn retries off.
    /// Configuration keys <c>Retry:MaxRetries</c>, <c>Retry:InitialDelay</c>, <c>Retry:MaxDelay</c> and
    /// <c>Retry:RetryNonIdempotentMethods</c> (better turned on for one request than for the whole client).
    /// </summary>
    public LogtoRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// A limiter every request (each attempt) waits for before it is sent, or <see langword="null"/> (default) for none.
    /// <see cref="LogtoRateLimiters.CreateLogtoCloudLimiter"/> matches Logto Cloud's guidance. The limiter is not
    /// disposed by the client; share one limiter between the clients of one tenant. Code only (not read from configuration).
    /// </summary>
    public RateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// How many pages a <c>GetAllAsync</c> enumeration may request at once (default <see cref="DefaultMaxConcurrentPageRequests"/>,
    /// at least 1). Once a page has told the total (an uncapped <c>Total-Number</c>), the following pages are requested
    /// ahead, up to this many at a time, each through the same rate limiter, retries and token handling as every call;
    /// items still come in Logto's order. <c>1</c> requests each page only after the previous one has been read.
    /// </summary>
    public int MaxConcurrentPageRequests { get; set; } = DefaultMaxConcurrentPageRequests;

    /// <summary>The Management API resource of a Logto Cloud tenant: <c>https://{tenantId}.logto.app/api</c>.</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <returns>The resource indicator.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is not a Logto Cloud tenant id (lower-case letters, digits and hyphens).</exception>
    public static string GetCloudManagementApiResource(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return LogtoCloudTenant.IsId(tenantId.Trim())
            ? ManagementApiResource.OfCloudTenant(tenantId.Trim())
            : throw new ArgumentException(LogtoCloudTenant.NotAnId(nameof(tenantId), tenantId), nameof(tenantId));
    }

    /// <summary>The Management API's resource (the tenant's on Logto Cloud), the scope <c>all</c>, and no organization.</summary>
    internal override ClientCredentialsDefaults Defaults => ClientCredentialsDefaults.ManagementApi;
}
