using System.Net.Http.Headers;
using System.Text;

namespace LogtoGenerated.Authentication;

/// <summary>
/// <see cref="LogtoClientCredentialsOptions"/> checked and resolved once: defaults applied, the Basic credentials
/// encoded, the allowed hosts collected. Immutable, so later changes to the options object have no effect.
/// </summary>
internal sealed class ClientCredentialsSettings
{
    private readonly AllowedHost[] _allowedHosts;

    private ClientCredentialsSettings(
        Uri endpoint, Uri tokenEndpoint, string clientId, AuthenticationHeaderValue basicCredentials, string resource,
        string[] scopes, TimeSpan refreshSkew, string[] allowedHosts, bool isManagementApi, bool isLogtoCloud, TimeProvider timeProvider)
    {
        Endpoint = endpoint;
        TokenEndpoint = tokenEndpoint;
        ClientId = clientId;
        BasicCredentials = basicCredentials;
        Resource = resource;
        Scopes = scopes;
        RefreshSkew = refreshSkew;
        _allowedHosts = Array.ConvertAll(allowedHosts, AllowedHost.Parse);
        IsManagementApi = isManagementApi;
        IsLogtoCloud = isLogtoCloud;
        TimeProvider = timeProvider;
        CacheKey = new TokenCacheKey(tokenEndpoint.AbsoluteUri, clientId, resource, string.Join(' ', scopes));
    }

    public Uri Endpoint { get; }

    public Uri TokenEndpoint { get; }

    public string ClientId { get; }

    /// <summary><c>Basic base64(urlencode(id) ":" urlencode(secret))</c>, RFC 6749 section 2.3.1; never printed.</summary>
    public AuthenticationHeaderValue BasicCredentials { get; }

    public string Resource { get; }

    /// <summary>The requested scopes, sorted and without duplicates.</summary>
    public string[] Scopes { get; }

    public TimeSpan RefreshSkew { get; }

    public bool IsManagementApi { get; }

    /// <summary>Whether the token endpoint is on <c>*.logto.app</c>.</summary>
    public bool IsLogtoCloud { get; }

    public TimeProvider TimeProvider { get; }

    public TokenCacheKey CacheKey { get; }

    /// <summary>Checks and resolves the options; throws <see cref="ArgumentException"/> listing every problem, each naming its option.</summary>
    public static ClientCredentialsSettings Resolve(LogtoClientCredentialsOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        List<string> errors = Validate(options, out ClientCredentialsSettings? settings);
        if (errors.Count > 0)
        {
            throw new ArgumentException(
                "The Logto options are not valid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", errors),
                parameterName);
        }

        return settings!;
    }

    /// <summary>Every problem of the options, each naming its option and how to fix it; empty when they are valid.</summary>
    public static List<string> Validate(LogtoClientCredentialsOptions options, out ClientCredentialsSettings? settings)
    {
        var errors = new List<string>();
        settings = null;
        string name = options.GetType().Name;

        string? tenantId = string.IsNullOrWhiteSpace(options.TenantId) ? null : options.TenantId.Trim();
        if (tenantId is not null && !IsValidTenantId(tenantId))
        {
            errors.Add($"{name}.TenantId '{tenantId}' is not a Logto Cloud tenant id: use only the id, such as \"abc123\" from https://abc123.logto.app.");
            tenantId = null;
        }

        Uri? endpoint = options.Endpoint;
        if (endpoint is null)
        {
            if (tenantId is not null)
            {
                endpoint = new Uri("https://" + tenantId + ".logto.app");
            }
            else if (options.TokenEndpoint is null)
            {
                errors.Add($"{name}: set TenantId (Logto Cloud, for example \"abc123\") or Endpoint (self-hosted, for example https://auth.example.com).");
            }
        }
        else if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{name}.Endpoint '{endpoint}' must be an absolute http(s) URI such as https://auth.example.com.");
            endpoint = null;
        }
        else if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            errors.Add($"{name}.Endpoint '{endpoint}' must not have a query or fragment.");
            endpoint = null;
        }
        else if (endpoint.AbsolutePath.TrimEnd('/').EndsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{name}.Endpoint '{endpoint}' must be the Logto origin without \"/api\", for example https://auth.example.com.");
            endpoint = null;
        }

        Uri? tokenEndpoint = options.TokenEndpoint;
        if (tokenEndpoint is null)
        {
            if (endpoint is not null)
            {
                tokenEndpoint = new Uri(Http.RequestInformation.GetBaseAddress(endpoint) + "/oidc/token");
            }
        }
        else if (!tokenEndpoint.IsAbsoluteUri || (tokenEndpoint.Scheme != Uri.UriSchemeHttps && tokenEndpoint.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{name}.TokenEndpoint '{tokenEndpoint}' must be an absolute https URI such as https://auth.example.com/oidc/token.");
            tokenEndpoint = null;
        }

        if (tokenEndpoint is not null && tokenEndpoint.Scheme != Uri.UriSchemeHttps && !tokenEndpoint.IsLoopback)
        {
            errors.Add(
                $"The token endpoint {tokenEndpoint.GetLeftPart(UriPartial.Path)} must use https: the client secret and tokens would travel unencrypted. " +
                $"Use an https {(options.TokenEndpoint is null ? "Endpoint" : "TokenEndpoint")} (plain http is allowed only for localhost/127.0.0.1).");
            tokenEndpoint = null;
        }

        endpoint ??= tokenEndpoint is null ? null : new Uri(tokenEndpoint.GetLeftPart(UriPartial.Authority));

        string? clientId = options.ClientId?.Trim();
        if (string.IsNullOrEmpty(clientId))
        {
            errors.Add($"{name}.ClientId is required: the App ID of your machine-to-machine application in the Logto console.");
        }

        string? secret = options.ClientSecret;
        if (string.IsNullOrEmpty(secret))
        {
            errors.Add($"{name}.ClientSecret is required: an App secret of your machine-to-machine application in the Logto console.");
        }

        string? resource = string.IsNullOrWhiteSpace(options.Resource) ? null : options.Resource.Trim();
        if (resource is null && endpoint is not null)
        {
            resource = options.GetDefaultResource(endpoint);
        }

        // Without an endpoint its own error is reported: the resource may well follow from it once it is set.
        Uri? resourceUri = null;
        if (resource is null && endpoint is not null)
        {
            errors.Add($"{name}.Resource is required: the API identifier of the API resource (Logto console > API resources), for example https://shopping.api.");
        }
        else if (resource is not null && !Uri.TryCreate(resource, UriKind.Absolute, out resourceUri))
        {
            errors.Add($"{name}.Resource '{resource}' must be an absolute URI (the API identifier), for example https://shopping.api.");
        }

        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string? scope in options.Scopes ?? [])
        {
            if (string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace))
            {
                errors.Add($"{name}.Scopes contains '{scope}': each scope must be one non-empty word such as \"read:orders\".");
                continue;
            }

            scopes.Add(scope);
        }

        if (options.TokenRefreshSkew < TimeSpan.Zero || options.TokenRefreshSkew > TimeSpan.FromHours(1))
        {
            errors.Add($"{name}.TokenRefreshSkew {options.TokenRefreshSkew} must be between 00:00:00 and 01:00:00 (default 00:01:00).");
        }

        if (options.TimeProvider is null)
        {
            errors.Add($"{name}.TimeProvider must not be null; leave it unset for the system clock.");
        }

        var hosts = new List<string>();
        foreach (string? host in options.AllowedHosts ?? [])
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/'))
            {
                errors.Add($"{name}.AllowedHosts contains '{host}': give host names such as \"api.example.com\" (or \"host:port\"), without a scheme or path.");
                continue;
            }

            hosts.Add(host.Trim());
        }

        options.AddValidationErrors(errors, name);
        if (errors.Count > 0)
        {
            return errors;
        }

        bool isManagementApi = options.IsManagementApi(resource!);
        hosts.Add(HostKey(endpoint!));
        if (options.AllowedHosts!.Count == 0 && !isManagementApi
            && (resourceUri!.Scheme == Uri.UriSchemeHttps || resourceUri.Scheme == Uri.UriSchemeHttp))
        {
            hosts.Add(HostKey(resourceUri));
        }

        string credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(FormEncode(clientId!) + ":" + FormEncode(secret!)));
        settings = new ClientCredentialsSettings(
            endpoint!, tokenEndpoint!, clientId!, new AuthenticationHeaderValue("Basic", credentials), resource!, [.. scopes],
            options.TokenRefreshSkew, [.. hosts.Distinct(StringComparer.OrdinalIgnoreCase)], isManagementApi,
            tokenEndpoint!.IdnHost.EndsWith(".logto.app", StringComparison.OrdinalIgnoreCase), options.TimeProvider!);
        return errors;
    }

    /// <summary>Whether a request to <paramref name="uri"/> may carry the token: allowed host and port, https (or http on loopback).</summary>
    /// <remarks>Runs on every request, so it compares without allocating.</remarks>
    public bool IsAllowed(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        // Never hand a token to a plain-http URI off this machine.
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return false;
        }

        string host = uri.Host;
        if (!System.Text.Ascii.IsValid(host))
        {
            host = uri.IdnHost;
        }

        foreach (AllowedHost allowed in _allowedHosts)
        {
            if (string.Equals(allowed.Host, host, StringComparison.OrdinalIgnoreCase)
                && (allowed.Port is { } port ? port == uri.Port : uri.IsDefaultPort))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>host</c> for a default port, <c>host:port</c> otherwise; IPv6 addresses in brackets, as <see cref="Uri.Host"/> gives them.</summary>
    private static string HostKey(Uri uri)
    {
        string host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
        return uri.IsDefaultPort ? host : host + ":" + uri.Port;
    }

    /// <summary>application/x-www-form-urlencoded encoding, as RFC 6749 appendix B asks for client credentials.</summary>
    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static bool IsValidTenantId(string tenantId)
    {
        foreach (char c in tenantId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An allowed host split once into its name and port (<see langword="null"/>: the scheme's default port).</summary>
internal readonly record struct AllowedHost(string Host, int? Port)
{
    /// <summary>Splits <c>host</c>, <c>host:port</c>, <c>[::1]</c> or <c>[::1]:port</c>.</summary>
    public static AllowedHost Parse(string allowed)
    {
        int colon = allowed.LastIndexOf(':');
        return colon > 0 && allowed.IndexOf(']', colon) < 0
            && int.TryParse(allowed.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port)
            ? new AllowedHost(allowed[..colon], port)
            : new AllowedHost(allowed, null);
    }
}

/// <summary>What a cached token is for: one token per token endpoint, client, resource and (sorted) scopes.</summary>
internal readonly record struct TokenCacheKey(string TokenEndpoint, string ClientId, string Resource, string Scopes);
