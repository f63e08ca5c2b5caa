using System.Net.Http.Headers;
using System.Text;
using LogtoGenerated.Http;

namespace LogtoGenerated.Authentication;

/// <summary>
/// Checks <see cref="LogtoClientCredentialsOptions"/> option by option (with the Management API's defaults for the
/// Management API client), each check small and named after what it checks, and resolves them into
/// <see cref="ClientCredentialsSettings"/>. Every problem is reported, each naming its option and how to fix it.
/// </summary>
internal sealed class ClientCredentialsOptionsCheck
{
    private readonly LogtoClientCredentialsOptions _options;
    private readonly string _name;
    private readonly List<string> _errors = [];

    private ClientCredentialsOptionsCheck(LogtoClientCredentialsOptions options)
    {
        _options = options;
        _name = options.GetType().Name;
    }

    /// <summary>Every problem of the options; empty, with <paramref name="settings"/> set, when they are valid.</summary>
    public static List<string> Run(LogtoClientCredentialsOptions options, out ClientCredentialsSettings? settings)
    {
        var check = new ClientCredentialsOptionsCheck(options);
        settings = check.Resolve();
        return check._errors;
    }

    /// <summary>The exception for options with these problems: every one of them, each on a line.</summary>
    public static ArgumentException NotValid(List<string> errors, string parameterName) =>
        new("The Logto options are not valid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", errors), parameterName);

    private ClientCredentialsSettings? Resolve()
    {
        string? tenantId = CheckTenantId();
        Uri? tokenEndpoint = CheckTokenEndpoint(CheckEndpoint(tenantId), out Uri? endpoint);
        string? clientId = CheckClientId();
        string? secret = CheckClientSecret();
        string? organizationId = CheckOrganizationId();
        string? resource = CheckResource(tenantId, endpoint, organizationId, out Uri? resourceUri);
        string[] scopes = CheckScopes();
        CheckTokenRefreshSkew();
        CheckSharedTokenCacheTimeout();
        CheckTimeProvider();
        List<string> hosts = CheckAllowedHosts();
        if (_errors.Count > 0)
        {
            return null;
        }

        bool isManagementApi = resource is not null && ManagementApiResource.Is(resource);
        var identity = new TokenCacheKey(tokenEndpoint!.AbsoluteUri, clientId!, resource ?? ClientCredentialsSettings.OrganizationAudience(organizationId!), string.Join(' ', scopes), organizationId);
        return new ClientCredentialsSettings
        {
            Endpoint = endpoint!,
            TokenEndpoint = tokenEndpoint!,
            ClientId = clientId!,
            BasicCredentials = EncodeBasicCredentials(clientId!, secret!),
            Resource = identity.Resource,
            RequestedResource = resource,
            OrganizationId = organizationId,
            Scopes = scopes,
            RefreshSkew = _options.TokenRefreshSkew,
            AllowedHosts = CollectAllowedHosts(endpoint!, hosts, isManagementApi ? null : resourceUri),
            IsManagementApi = isManagementApi,
            TimeProvider = _options.TimeProvider,
            SharedCache = _options.SharedTokenCache,
            UseRegisteredSharedCache = _options.UseSharedTokenCache,
            SharedCacheTimeout = _options.SharedTokenCacheTimeout,
            SharedTokenProtector = _options.SharedTokenCache is not null || _options.UseSharedTokenCache
                ? SharedTokenProtector.Create(secret!, identity)
                : null,
        };
    }

    /// <summary>The trimmed tenant id, or <see langword="null"/> when it is not set or not valid (then an error is added).</summary>
    private string? CheckTenantId()
    {
        string? tenantId = string.IsNullOrWhiteSpace(_options.TenantId) ? null : _options.TenantId.Trim();
        if (tenantId is not null && !LogtoCloudTenant.IsId(tenantId))
        {
            _errors.Add(LogtoCloudTenant.NotAnId(_name + ".TenantId", tenantId));
            return null;
        }

        return tenantId;
    }

    // A plain loop rather than LINQ over chars: the check runs once per client, where a generic instantiation over char
    // costs more to compile than the loop costs to run (cold start, docs/performance.md).
    private static bool HasWhiteSpace(string value)
    {
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="LogtoClientCredentialsOptions.Endpoint"/>, else the tenant's Logto Cloud endpoint; <see langword="null"/> when neither is usable.</summary>
    private Uri? CheckEndpoint(string? tenantId)
    {
        Uri? endpoint = _options.Endpoint;
        if (endpoint is null)
        {
            if (tenantId is null && _options.TokenEndpoint is null)
            {
                _errors.Add($"{_name}: set TenantId (Logto Cloud, for example \"abc123\") or Endpoint (self-hosted, for example https://auth.example.com).");
            }

            return tenantId is null ? null : new Uri("https://" + tenantId + ".logto.app");
        }

        if (LogtoEndpoint.Problem(endpoint) is { } problem)
        {
            _errors.Add($"{_name}.Endpoint '{endpoint}' {problem}, for example https://auth.example.com.");
            return null;
        }

        return endpoint;
    }

    /// <summary>
    /// <see cref="LogtoClientCredentialsOptions.TokenEndpoint"/>, else <c>{endpoint}/oidc/token</c>; it must use https
    /// off loopback. <paramref name="endpoint"/> falls back to the token endpoint's origin.
    /// </summary>
    private Uri? CheckTokenEndpoint(Uri? configuredEndpoint, out Uri? endpoint)
    {
        Uri? tokenEndpoint = _options.TokenEndpoint;
        if (tokenEndpoint is null)
        {
            tokenEndpoint = configuredEndpoint is null ? null : new Uri(LogtoEndpoint.GetBaseAddress(configuredEndpoint) + "/oidc/token");
        }
        else if (!LogtoEndpoint.IsAbsoluteHttp(tokenEndpoint))
        {
            _errors.Add($"{_name}.TokenEndpoint '{tokenEndpoint}' must be an absolute https URI such as https://auth.example.com/oidc/token.");
            tokenEndpoint = null;
        }

        if (tokenEndpoint is not null && !LogtoAllowedHosts.IsSecureTransport(tokenEndpoint))
        {
            _errors.Add(
                $"The token endpoint {tokenEndpoint.GetLeftPart(UriPartial.Path)} must use https: the client secret and tokens would travel unencrypted. " +
                $"Use an https {(_options.TokenEndpoint is null ? "Endpoint" : "TokenEndpoint")} (plain http is allowed only for localhost/127.0.0.1/[::1]).");
            tokenEndpoint = null;
        }

        endpoint = configuredEndpoint ?? (tokenEndpoint is null ? null : new Uri(tokenEndpoint.GetLeftPart(UriPartial.Authority)));
        return tokenEndpoint;
    }

    private string? CheckClientId()
    {
        string? clientId = _options.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            _errors.Add($"{_name}.ClientId is required: the App ID of your machine-to-machine application in the Logto console.");
        }

        return clientId;
    }

    private string? CheckClientSecret()
    {
        string? secret = _options.ClientSecret;
        if (string.IsNullOrEmpty(secret))
        {
            _errors.Add($"{_name}.ClientSecret is required: an App secret of your machine-to-machine application in the Logto console.");
        }

        return secret;
    }

    /// <summary>
    /// The trimmed organization id, or <see langword="null"/> when not set. The Management API takes no organization
    /// tokens, so its client refuses one.
    /// </summary>
    private string? CheckOrganizationId()
    {
        string? organizationId = string.IsNullOrWhiteSpace(_options.OrganizationId) ? null : _options.OrganizationId.Trim();
        if (organizationId is null)
        {
            return null;
        }

        if (_options.Defaults.OrganizationProblem is { } problem)
        {
            _errors.Add($"{_name}.OrganizationId {problem}");
        }
        else if (HasWhiteSpace(organizationId))
        {
            _errors.Add($"{_name}.OrganizationId '{organizationId}' must be one organization id, without spaces (Logto console > Organizations > the organization's ID).");
        }

        return organizationId;
    }

    /// <summary>
    /// <see cref="LogtoClientCredentialsOptions.Resource"/>, else the Management API's for its client;
    /// none for an organization token (an organization id without a resource). Without an endpoint its own error is
    /// reported: the resource may well follow from it once it is set.
    /// </summary>
    private string? CheckResource(string? tenantId, Uri? endpoint, string? organizationId, out Uri? resourceUri)
    {
        resourceUri = null;
        string? resource = string.IsNullOrWhiteSpace(_options.Resource) ? null : _options.Resource.Trim();
        if (resource is null && endpoint is not null)
        {
            resource = _options.Defaults.Resource(tenantId);
        }

        if (resource is null && endpoint is not null && organizationId is null)
        {
            _errors.Add($"{_name}.Resource is required: the API identifier of the API resource (Logto console > API resources), for example https://shopping.api; or set OrganizationId for an organization token.");
        }
        else if (resource is not null && !Uri.TryCreate(resource, UriKind.Absolute, out resourceUri))
        {
            _errors.Add($"{_name}.Resource '{resource}' must be an absolute URI (the API identifier), for example https://shopping.api.");
        }

        return resource;
    }

    /// <summary>The scopes (the defaults' when none is listed), sorted and without duplicates; each must be one word.</summary>
    private string[] CheckScopes()
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        IList<string> listed = _options.Scopes is { Count: > 0 } configured ? configured : _options.Defaults.Scopes;
        foreach (string? scope in listed)
        {
            if (string.IsNullOrWhiteSpace(scope) || HasWhiteSpace(scope))
            {
                _errors.Add($"{_name}.Scopes contains '{scope}': each scope must be one non-empty word such as \"read:orders\".");
                continue;
            }

            scopes.Add(scope);
        }

        return [.. scopes];
    }

    private void CheckSharedTokenCacheTimeout()
    {
        if (_options.SharedTokenCacheTimeout <= TimeSpan.Zero || _options.SharedTokenCacheTimeout > TimeSpan.FromSeconds(10))
        {
            _errors.Add($"{_name}.SharedTokenCacheTimeout {_options.SharedTokenCacheTimeout} must be more than 00:00:00 and at most 00:00:10 (default 00:00:01).");
        }
    }

    private void CheckTokenRefreshSkew()
    {
        if (_options.TokenRefreshSkew < TimeSpan.Zero || _options.TokenRefreshSkew > TimeSpan.FromHours(1))
        {
            _errors.Add($"{_name}.TokenRefreshSkew {_options.TokenRefreshSkew} must be between 00:00:00 and 01:00:00 (default 00:01:00).");
        }
    }

    private void CheckTimeProvider()
    {
        if (_options.TimeProvider is null)
        {
            _errors.Add($"{_name}.TimeProvider must not be null; leave it unset for the system clock.");
        }
    }

    /// <summary>The entries of <see cref="LogtoClientCredentialsOptions.AllowedHosts"/>, each a host or <c>host:port</c>.</summary>
    private List<string> CheckAllowedHosts()
    {
        var hosts = new List<string>();
        foreach (string? host in _options.AllowedHosts ?? [])
        {
            if (LogtoAllowedHosts.Problem(host) is { } problem)
            {
                _errors.Add($"{_name}.AllowedHosts: {problem}.");
                continue;
            }

            hosts.Add(host!);
        }

        return hosts;
    }

    /// <summary>The endpoint's host and port, the listed hosts, or (none listed) the host and port of an http(s) resource.</summary>
    private static LogtoAllowedHosts CollectAllowedHosts(Uri endpoint, List<string> hosts, Uri? resource)
    {
        bool useResource = hosts.Count == 0 && resource is not null && LogtoEndpoint.IsAbsoluteHttp(resource);
        return LogtoAllowedHosts.Create(useResource ? [endpoint, resource!] : [endpoint], hosts);
    }

    /// <summary>application/x-www-form-urlencoded encoding of both parts, as RFC 6749 appendix B asks for client credentials.</summary>
    private static AuthenticationHeaderValue EncodeBasicCredentials(string clientId, string secret)
    {
        static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
        string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(FormEncode(clientId) + ":" + FormEncode(secret)));
        return new AuthenticationHeaderValue("Basic", credentials);
    }
}
