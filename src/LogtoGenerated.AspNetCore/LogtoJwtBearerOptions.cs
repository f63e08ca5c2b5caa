
namespace LogtoGenerated.AspNetCore;

/// <summary>
/// Which Logto tokens an API accepts: the Logto that issues them (<see cref="Endpoint"/> or <see cref="TenantId"/>),
/// the API resource they are for (<see cref="Resource"/>) and whether organization tokens are accepted too. Set it
/// in <c>AddLogtoJwtBearer</c>, or in the <c>Logto</c> configuration section (<c>Logto:Endpoint</c>,
/// <c>Logto:TenantId</c>, <c>Logto:Resource</c>, ...).
/// </summary>
public sealed class LogtoJwtBearerOptions
{
    /// <summary>The audience prefix of Logto's organization tokens: <c>urn:logto:organization:{organizationId}</c>.</summary>
    public const string OrganizationAudiencePrefix = "urn:logto:organization:";

    /// <summary>
    /// The address of a self-hosted Logto, such as <c>https://auth.example.com</c> (the value of Logto's
    /// <c>ENDPOINT</c>). Tokens must be issued by <c>{Endpoint}/oidc</c>. Set this or <see cref="TenantId"/>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// The Logto Cloud tenant id, such as <c>abc123</c> for <c>https://abc123.logto.app</c>. Set this or
    /// <see cref="Endpoint"/>.
    /// </summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// The API identifier (resource indicator) of this API in Logto (Console &gt; API resources), such as
    /// <c>https://shopping.api</c>: the audience its access tokens carry. Required unless the API accepts only
    /// organization tokens (<see cref="AcceptOrganizationTokens"/>).
    /// </summary>
    public string? Resource { get; set; }

    /// <summary>
    /// Also accept organization tokens, whose audience is <c>urn:logto:organization:{organizationId}</c> instead of
    /// <see cref="Resource"/>. Authorize them with <c>RequireLogtoOrganizationToken</c>, which checks the
    /// organization. Default <see langword="false"/>.
    /// </summary>
    public bool AcceptOrganizationTokens { get; set; }

    /// <summary>
    /// How far the clocks of Logto and this API may disagree when checking a token's <c>exp</c> and <c>nbf</c>.
    /// Default 30 seconds (ASP.NET Core's default is 5 minutes, longer than many of Logto's token lifetimes).
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often Logto's signing keys are read again in the background while tokens keep arriving. Default 12 hours.
    /// A token signed with a key not yet read (after a key rotation in Logto) reads them at once instead.
    /// </summary>
    public TimeSpan SigningKeysRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The least time between two readings of the signing keys caused by tokens with an unknown key id, so that
    /// forged tokens cannot make this API flood Logto. Default 30 seconds; the first such reading is never delayed.
    /// </summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many validated tokens are remembered, so that a token used again (a machine-to-machine caller reuses one
    /// token for its whole life) is not verified again before it expires. A token is remembered from its second use on,
    /// so tokens used once take no room. Default 10,000; 0 turns the cache off.
    /// </summary>
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// The most memory, in bytes (estimated from the tokens' lengths), that remembered tokens take. Default 32 MiB.
    /// Tokens longer than 16,384 characters are never remembered.
    /// </summary>
    public long ValidatedTokenCacheMemoryLimit { get; set; } = 32L * 1024 * 1024;

    /// <summary>The issuer tokens must carry: <c>{Endpoint}/oidc</c>, or <c>https://{TenantId}.logto.app/oidc</c>.</summary>
    /// <exception cref="InvalidOperationException">The options do not name a Logto; the message says what to set.</exception>
    public Uri Issuer => new(LogtoEndpoint().AbsoluteUri.TrimEnd('/') + "/oidc");

    /// <summary>Checks the options and throws an <see cref="InvalidOperationException"/> that says what to fix.</summary>
    internal void Validate()
    {
        _ = LogtoEndpoint();
        if (string.IsNullOrWhiteSpace(Resource) && !AcceptOrganizationTokens)
        {
            throw new InvalidOperationException(
                "LogtoJwtBearerOptions.Resource is not set: set it (or Logto:Resource in configuration) to the API identifier of this API in Logto "
                + "(Console > API resources), such as https://shopping.api; or set AcceptOrganizationTokens when the API takes organization tokens only.");
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(5))
        {
            throw new InvalidOperationException($"LogtoJwtBearerOptions.ClockSkew must be between 0 and 5 minutes; it is {ClockSkew}.");
        }

        if (SigningKeysRefreshInterval < TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"LogtoJwtBearerOptions.SigningKeysRefreshInterval must be at least 1 minute; it is {SigningKeysRefreshInterval}.");
        }

        if (UnknownKeyRefreshInterval < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"LogtoJwtBearerOptions.UnknownKeyRefreshInterval must not be negative; it is {UnknownKeyRefreshInterval}.");
        }

        if (ValidatedTokenCacheSize < 0 || ValidatedTokenCacheMemoryLimit < 0)
        {
            throw new InvalidOperationException(
                $"LogtoJwtBearerOptions.ValidatedTokenCacheSize ({ValidatedTokenCacheSize}) and ValidatedTokenCacheMemoryLimit ({ValidatedTokenCacheMemoryLimit}) must not be negative; 0 turns the cache off.");
        }
    }

    private Uri LogtoEndpoint()
    {
        if (Endpoint is not null && !string.IsNullOrEmpty(TenantId))
        {
            throw new InvalidOperationException(
                "LogtoJwtBearerOptions has both Endpoint and TenantId: set Endpoint for a self-hosted Logto, or TenantId for Logto Cloud, not both.");
        }

        if (Endpoint is not null)
        {
            if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttps && Endpoint.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException(
                    $"LogtoJwtBearerOptions.Endpoint must be an absolute http(s) address such as https://auth.example.com; it is '{Endpoint}'.");
            }

            if (Endpoint.Scheme == Uri.UriSchemeHttp && !Endpoint.IsLoopback)
            {
                throw new InvalidOperationException(
                    $"LogtoJwtBearerOptions.Endpoint '{Endpoint}' uses http: signing keys are read over https only (http is allowed for localhost, 127.0.0.1 and [::1]).");
            }

            if (!string.IsNullOrEmpty(Endpoint.Query) || !string.IsNullOrEmpty(Endpoint.Fragment))
            {
                throw new InvalidOperationException(
                    $"LogtoJwtBearerOptions.Endpoint must be Logto's address without a query or fragment, such as https://auth.example.com; it is '{Endpoint}'.");
            }

            return Endpoint;
        }

        if (!string.IsNullOrEmpty(TenantId))
        {
            return LogtoCloudTenant.IsId(TenantId)
                ? new Uri($"https://{TenantId}.logto.app")
                : throw new InvalidOperationException(
                    LogtoCloudTenant.NotAnId("LogtoJwtBearerOptions.TenantId", TenantId));
        }

        throw new InvalidOperationException(
            "LogtoJwtBearerOptions names no Logto: set Endpoint to a self-hosted Logto's address (Logto:Endpoint in configuration), "
            + "or TenantId to a Logto Cloud tenant id (Logto:TenantId).");
    }
}
