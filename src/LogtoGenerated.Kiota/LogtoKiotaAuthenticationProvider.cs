using LogtoGenerated.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions;
using KiotaAuthenticationProvider = Microsoft.Kiota.Abstractions.Authentication.IAuthenticationProvider;

namespace LogtoGenerated.Kiota;

/// <summary>
/// A Kiota <see cref="KiotaAuthenticationProvider"/> that authenticates Kiota's requests with access tokens from
/// Logto's machine-to-machine (<c>client_credentials</c>) exchange: LogtoGenerated.Authentication's
/// <see cref="ClientCredentialsAuthenticationProvider"/>, with its cache, its refresh ahead of expiry and its rule of
/// which hosts may receive the token.
/// </summary>
/// <remarks>
/// <para>
/// Every request for an allowed host gets <c>Authorization: Bearer {token}</c>: the Logto endpoint's host, and
/// <see cref="LogtoClientCredentialsOptions.AllowedHosts"/> (the resource's host when that list is empty), each with
/// its port, over <c>https</c> (<c>http</c> only on <c>localhost</c>/<c>127.0.0.1</c>): the provider's
/// <see cref="ClientCredentialsAuthenticationProvider.AllowedHosts"/>. Other requests are sent without
/// it. A request that already has an <c>Authorization</c> header keeps it.
/// </para>
/// <para>
/// However many requests start at once on a cold cache, one token request is made and all of them wait for it. A
/// token Logto refuses to issue surfaces as a <see cref="LogtoTokenException"/> that says what to check.
/// </para>
/// <para>
/// Kiota replays a <c>401</c> only for claims challenges, which Logto does not send. Add a
/// <see cref="LogtoTokenRefreshHandler"/> to the Kiota client's <see cref="HttpClient"/> so that a refused token is
/// replaced and the request sent once more. <c>AddLogtoKiotaClient</c> does both.
/// </para>
/// <para>Thread-safe; one provider serves every concurrent request of a client.</para>
/// </remarks>
/// <example><code>
/// var authentication = new LogtoKiotaAuthenticationProvider(new LogtoClientCredentialsOptions
/// {
///     TenantId = "abc123", ClientId = "my-m2m-app-id", ClientSecret = Environment.GetEnvironmentVariable("LOGTO_M2M_APP_SECRET"),
///     Resource = "https://shopping.api", Scopes = { "read:orders" }, AllowedHosts = { "api.shopping.example" },
/// }, new HttpClient());
/// IList&lt;DelegatingHandler&gt; handlers = KiotaClientFactory.CreateDefaultHandlers();
/// handlers.Add(new LogtoTokenRefreshHandler(authentication));
/// var adapter = new HttpClientRequestAdapter(authentication, httpClient: KiotaClientFactory.Create(handlers));
/// var shop = new ShopClient(adapter);   // a Kiota-generated client
/// </code></example>
public class LogtoKiotaAuthenticationProvider : KiotaAuthenticationProvider
{
    private const string AuthorizationHeader = "Authorization";

    /// <summary>Creates a provider with a <see cref="ClientCredentialsAuthenticationProvider"/> of its own.</summary>
    /// <param name="options">The M2M application's credentials and the API resource; read once, here.</param>
    /// <param name="httpClient">Sends the token requests; not disposed by the provider.</param>
    /// <param name="cache">The token cache; share one between providers with the same options. A new one when <see langword="null"/>.</param>
    /// <param name="logger">Receives token events (never a secret or a token); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="httpClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message names each bad option.</exception>
    public LogtoKiotaAuthenticationProvider(
        LogtoClientCredentialsOptions options, HttpClient httpClient, LogtoTokenCache? cache = null, ILogger? logger = null)
        : this(new ClientCredentialsAuthenticationProvider(options, httpClient, cache, logger))
    {
    }

    /// <summary>Creates a provider that takes its tokens from <paramref name="tokenProvider"/>.</summary>
    /// <param name="tokenProvider">Fetches, caches and refreshes the tokens and decides which hosts get them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokenProvider"/> is <see langword="null"/>.</exception>
    public LogtoKiotaAuthenticationProvider(ClientCredentialsAuthenticationProvider tokenProvider)
    {
        ArgumentNullException.ThrowIfNull(tokenProvider);
        TokenProvider = tokenProvider;
    }

    /// <summary>Protected parameterless constructor for mocking frameworks; <see cref="TokenProvider"/> is then <see langword="null"/>.</summary>
    protected LogtoKiotaAuthenticationProvider()
    {
        TokenProvider = null!;
    }

    /// <summary>
    /// The provider the tokens come from: its <see cref="ClientCredentialsAuthenticationProvider.GetAccessTokenAsync"/>
    /// gives the token itself, for other clients.
    /// </summary>
    public ClientCredentialsAuthenticationProvider TokenProvider { get; }

    /// <summary>
    /// Sets <c>Authorization: Bearer {token}</c> on a request for an allowed host that has no <c>Authorization</c>
    /// header yet; leaves other requests unchanged. Completes synchronously when the cached token is fresh.
    /// </summary>
    /// <param name="request">The Kiota request about to be sent; its <see cref="RequestInformation.URI"/> must resolve.</param>
    /// <param name="additionalAuthenticationContext">Not used: Logto issues no claims challenges.</param>
    /// <param name="cancellationToken">Stops waiting for a token fetch; a fetch other requests wait for goes on.</param>
    /// <returns>A task that completes when the request carries the token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="LogtoTokenException">No usable token could be obtained; the message says what to check.</exception>
    public virtual Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.ContainsKey(AuthorizationHeader))
        {
            return Task.CompletedTask;
        }

        // The host rule is the token provider's (host, port and scheme; Kiota's AllowedHostsValidator compares host
        // names only); a refusal is logged at Debug with its reason.
        if (!TokenProvider.AllowsHost(request.URI))
        {
            return Task.CompletedTask;
        }

        ValueTask<LogtoAccessToken> token = TokenProvider.GetAccessTokenAsync(cancellationToken);
        if (token.IsCompletedSuccessfully)
        {
            SetAuthorization(request, token.Result);
            return Task.CompletedTask;
        }

        return AuthenticateSlowAsync(token, request);

        static async Task AuthenticateSlowAsync(ValueTask<LogtoAccessToken> pending, RequestInformation request) =>
            SetAuthorization(request, await pending.ConfigureAwait(false));
    }

    private static void SetAuthorization(RequestInformation request, LogtoAccessToken token)
    {
        request.Headers.Add(AuthorizationHeader, "Bearer " + token.Value);
        request.AddRequestOptions(LogtoTokenOption.Instances);
    }

    /// <summary>Describes the provider without secrets.</summary>
    /// <returns>The token endpoint, client id, resource and scopes.</returns>
    public override string ToString() => "LogtoKiotaAuthenticationProvider (" + TokenProvider?.ToString() + ")";
}
