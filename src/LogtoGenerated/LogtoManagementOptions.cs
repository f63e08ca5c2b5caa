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
/// <c>all</c> permission (the built-in "Logto Management API access" role). Scopes default to <c>all</c>.
/// </para>
/// </remarks>
public class LogtoManagementOptions : LogtoClientCredentialsOptions
{
    /// <summary>The Management API's resource indicator on a self-hosted Logto.</summary>
    public const string SelfHostedManagementApiResource = ManagementApiResource.SelfHosted;

    /// <summary>The Management API's permission that grants every operation.</summary>
    public const string AllScope = "all";

    private int _maxConcurrentPageRequests = LogtoRequestAdapterOptions.DefaultMaxConcurrentPageRequests;
    private LogtoRetryOptions _retry = LogtoRetryOptions.Default;

    /// <summary>Creates options with the Management API's defaults (scope <c>all</c>).</summary>
    public LogtoManagementOptions()
    {
        Scopes = new List<string> { AllScope };
        HasManagementApiDefaults = true;
    }

    /// <summary>When failed calls are sent again; <see cref="LogtoRetryOptions.Default"/> unless set.</summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>; use <see cref="LogtoRetryOptions.None"/> to turn retries off.</exception>
    public LogtoRetryOptions Retry
    {
        get => _retry;
        set => _retry = value ?? throw new ArgumentNullException(nameof(value), "LogtoManagementOptions.Retry must not be null; use LogtoRetryOptions.None to turn retries off.");
    }

    /// <summary>
    /// An optional client-side rate limiter shared by every call, for example
    /// <see cref="LogtoRateLimiters.CreateLogtoCloudLimiter"/>; <see langword="null"/> (default) for none.
    /// </summary>
    public RateLimiter? RateLimiter { get; set; }

    /// <summary>
    /// How many pages a <c>GetAllAsync</c> enumeration may request at once once Logto has told the total; default
    /// <see cref="LogtoRequestAdapterOptions.DefaultMaxConcurrentPageRequests"/>, <c>1</c> for one page after another.
    /// See <see cref="LogtoRequestAdapterOptions.MaxConcurrentPageRequests"/>.
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

    /// <summary>The Management API resource of a Logto Cloud tenant: <c>https://{tenantId}.logto.app/api</c>.</summary>
    /// <param name="tenantId">The tenant id.</param>
    /// <returns>The resource indicator.</returns>
    public static string GetCloudManagementApiResource(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return ManagementApiResource.OfCloudTenant(tenantId);
    }

    /// <summary>The adapter options these options describe.</summary>
    internal LogtoRequestAdapterOptions ToAdapterOptions() =>
        new() { Retry = Retry, RateLimiter = RateLimiter, TimeProvider = TimeProvider, MaxConcurrentPageRequests = MaxConcurrentPageRequests };
}
