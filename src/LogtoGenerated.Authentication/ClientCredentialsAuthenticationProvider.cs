using System.Diagnostics;
using LogtoGenerated.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LogtoGenerated.Authentication;

/// <summary>
/// Authenticates requests with an access token from Logto's client-credentials exchange (a machine-to-machine
/// application), cached and refreshed before it expires. Serves the Management API client and any HTTP client
/// calling your own API resources (see <see cref="LogtoClientCredentialsHandler"/>).
/// </summary>
/// <remarks>
/// <para>
/// The token is attached only to requests for the Logto endpoint's host and port (and <see cref="LogtoClientCredentialsOptions.AllowedHosts"/>),
/// over <c>https</c> (plain <c>http</c> only to <c>localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>): the rule every
/// provider applies. Other requests are sent without it (logged at Debug). After a <c>401</c> the token is discarded and the request replayed once with
/// a new one (by the Management API client, <see cref="LogtoClientCredentialsHandler"/> and the Kiota package, one rule: <see cref="LogtoTokenReplay"/>).
/// </para>
/// <para>
/// With a shared token cache (<see cref="LogtoClientCredentialsOptions.SharedTokenCache"/>), a token this process does not
/// have is first looked up there, and a token fetched from Logto is stored there, encrypted, for the other processes
/// of the application; a 401 discards it there too. The shared cache failing or being slow never fails a call.
/// </para>
/// <para>Thread-safe. Logs, traces (<see cref="LogtoDiagnostics"/>) and counts fetches; never logs the secret or a token.</para>
/// </remarks>
public sealed class ClientCredentialsAuthenticationProvider : IAuthenticationProvider
{
    private readonly HttpClient _httpClient;
    private readonly ClientCredentialsSettings _settings;
    private readonly LogtoTokenCache.Entry _entry;
    private readonly ILogger _logger;
    private readonly Func<LogtoAccessToken?, Task<LogtoAccessToken>> _fetch;
    private readonly Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> _refreshAt;
    private readonly SharedTokenStore? _sharedStore;

    // The last token the API refused: never taken back from the shared cache.
    private string? _refusedToken;

    /// <summary>Creates a provider.</summary>
    /// <param name="options">The application's credentials and the resource; read once, here.</param>
    /// <param name="httpClient">Sends the token requests; not disposed by the provider.</param>
    /// <param name="cache">The token cache; share one between providers with the same options. A new one when <see langword="null"/>.</param>
    /// <param name="logger">Receives token events; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="httpClient"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message names each bad option.</exception>
    /// <remarks>
    /// <see cref="LogtoClientCredentialsOptions.UseSharedTokenCache"/> needs dependency injection to find the cache; here,
    /// set <see cref="LogtoClientCredentialsOptions.SharedTokenCache"/>.
    /// </remarks>
    public ClientCredentialsAuthenticationProvider(
        LogtoClientCredentialsOptions options, HttpClient httpClient, LogtoTokenCache? cache = null, ILogger? logger = null)
        : this(WithoutServices(options, ClientCredentialsSettings.Resolve(options, nameof(options))), httpClient, cache, logger, registeredSharedCache: null)
    {
        WarnAboutOptions(options, _settings, _logger);
    }

    /// <summary>Creates a provider from options resolved (and warned about) before, for example once per dependency-injection name.</summary>
    /// <param name="settings">The resolved options.</param>
    /// <param name="httpClient">Sends the token requests.</param>
    /// <param name="cache">The in-process token cache.</param>
    /// <param name="logger">Receives token events.</param>
    /// <param name="registeredSharedCache">The shared cache registered with dependency injection, used when the settings ask for it.</param>
    internal ClientCredentialsAuthenticationProvider(
        ClientCredentialsSettings settings, HttpClient httpClient, LogtoTokenCache? cache, ILogger? logger, IDistributedCache? registeredSharedCache)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _settings = settings;
        _httpClient = httpClient;
        _entry = (cache ?? new LogtoTokenCache()).GetEntry(_settings.CacheKey);
        _logger = logger ?? NullLogger.Instance;
        _fetch = FetchAsync;
        _refreshAt = settings.RefreshAt;
        IDistributedCache? shared = settings.SharedCache ?? (settings.UseRegisteredSharedCache ? registeredSharedCache : null);
        if (shared is not null && settings.SharedTokenProtector is { } protector)
        {
            _sharedStore = new SharedTokenStore(shared, protector, settings.SharedCacheTimeout, settings.Resource, _logger);
        }
    }

    /// <summary>
    /// <paramref name="settings"/>, resolved from <paramref name="options"/>, for a provider made without dependency
    /// injection: they must not ask for the registered shared cache.
    /// </summary>
    internal static ClientCredentialsSettings WithoutServices(LogtoClientCredentialsOptions options, ClientCredentialsSettings settings)
    {
        if (settings.UseRegisteredSharedCache && settings.SharedCache is null)
        {
            throw new ArgumentException(
                options.GetType().Name + ".UseSharedTokenCache needs dependency injection (AddLogtoManagementClient or AddLogtoKiotaClient) to find the registered IDistributedCache; without it, set SharedTokenCache to the cache.",
                nameof(options));
        }

        return settings;
    }

    /// <summary>Whether tokens are shared through a distributed cache.</summary>
    internal bool IsShared => _sharedStore is not null;

    /// <summary>Logs what is valid but probably not meant: a tenant id with an endpoint that is not Logto Cloud's.</summary>
    internal static void WarnAboutOptions(LogtoClientCredentialsOptions options, ClientCredentialsSettings settings, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.TenantId) && !settings.IsLogtoCloud)
        {
            Log.EndpointNotLogtoCloud(logger, options.TenantId.Trim(), settings.Endpoint.GetLeftPart(UriPartial.Authority));
        }
    }

    /// <summary>The token endpoint this provider calls.</summary>
    public Uri TokenEndpoint => _settings.TokenEndpoint;

    /// <summary>The resource indicator tokens are requested for.</summary>
    public string Resource => _settings.Resource;

    /// <summary>
    /// Where the token may go: the Logto endpoint's host and port, and <see cref="LogtoClientCredentialsOptions.AllowedHosts"/>
    /// (the resource's host and port when that list is empty), over <c>https</c> (<c>http</c> only on loopback).
    /// </summary>
    public LogtoAllowedHosts AllowedHosts => _settings.AllowedHosts;

    /// <summary>
    /// Whether a request to <paramref name="uri"/> may carry this provider's token (<see cref="AllowedHosts"/>); a refusal
    /// is logged at Debug with its reason (plain http off loopback, or a host not allowed).
    /// </summary>
    /// <param name="uri">The request's URI.</param>
    /// <returns><see langword="true"/> when the token may be sent.</returns>
    public bool AllowsHost(Uri? uri) => _settings.AllowedHosts.Allows(uri, _logger);

    /// <summary>The Logto endpoint (from <see cref="LogtoClientCredentialsOptions.Endpoint"/> or the tenant id).</summary>
    internal Uri Endpoint => _settings.Endpoint;

    /// <summary>
    /// A valid access token: the cached one while it is fresh, else a new one (one fetch at a time however many
    /// callers ask at once).
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; a fetch other callers wait for goes on.</param>
    /// <returns>The token.</returns>
    /// <exception cref="LogtoTokenException">Logto refused or could not issue a usable token; the message says what to check.</exception>
    public ValueTask<LogtoAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        ValueTask<LogtoAccessToken> token = _entry.GetAsync(_settings.TimeProvider.GetUtcNow(), _fetch, cancellationToken);
        if (token.IsCompletedSuccessfully)
        {
            LogtoDiagnostics.CacheHits.Add(1);
        }

        return token;
    }

    /// <summary>
    /// Sets <c>Authorization: Bearer {token}</c> on requests for an allowed host; leaves other requests unchanged.
    /// Completes synchronously, without allocating, when the cached token is fresh.
    /// </summary>
    /// <param name="request">The request about to be sent.</param>
    /// <param name="cancellationToken">Stops waiting for a token fetch.</param>
    /// <returns>A task that completes when the request carries the token.</returns>
    /// <exception cref="LogtoTokenException">No usable token could be obtained.</exception>
    public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AllowsHost(request.RequestUri))
        {
            return default;
        }

        ValueTask<LogtoAccessToken> token = GetAccessTokenAsync(cancellationToken);
        if (token.IsCompletedSuccessfully)
        {
            request.Headers.Authorization = token.Result.AuthorizationHeader;
            return default;
        }

        return AuthenticateSlowAsync(request, token);

        static async ValueTask AuthenticateSlowAsync(HttpRequestMessage request, ValueTask<LogtoAccessToken> pending)
        {
            LogtoAccessToken token = await pending.ConfigureAwait(false);
            request.Headers.Authorization = token.AuthorizationHeader;
        }
    }

    /// <summary>
    /// Discards the cached token when it is the one the refused request carried (a token revoked or expired early),
    /// so that the replay gets a new one.
    /// </summary>
    /// <param name="request">The refused request.</param>
    /// <param name="response">The 401 response.</param>
    /// <param name="cancellationToken">Not used.</param>
    /// <returns><see langword="true"/> when the request carried a token of this provider: replay it once.</returns>
    public ValueTask<bool> HandleUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: { } sent } || !_settings.AllowedHosts.Allows(request.RequestUri))
        {
            return ValueTask.FromResult(false);
        }

        _entry.Invalidate(sent);
        Volatile.Write(ref _refusedToken, sent);
        Log.TokenRejected(_logger, request.Method.Method, request.RequestUri!.AbsolutePath, _settings.Resource);
        if (_sharedStore is null)
        {
            return ValueTask.FromResult(true);
        }

        // Out of the shared cache too (when it still holds this token), before the replay looks there for a new one.
        return RemoveSharedAsync(_sharedStore, sent, _refreshAt);

        static async ValueTask<bool> RemoveSharedAsync(SharedTokenStore store, string sent, Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt)
        {
            await store.RemoveAsync(sent, refreshAt).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>Describes the provider without secrets.</summary>
    /// <returns>The token endpoint, client id, resource and scopes.</returns>
    public override string ToString() =>
        "ClientCredentialsAuthenticationProvider (" + _settings.TokenEndpoint.GetLeftPart(UriPartial.Path) + ", client " + _settings.ClientId
        + ", resource " + _settings.Resource + ", scopes '" + string.Join(' ', _settings.Scopes) + "', secret hidden"
        + (_sharedStore is null ? string.Empty : ", shared token cache") + ")";

    /// <summary>
    /// A token from the shared cache when it holds one that is fresh and newer than <paramref name="previous"/> (another
    /// process refreshed it), else a new one from Logto, then stored in the shared cache.
    /// </summary>
    private async Task<LogtoAccessToken> FetchAsync(LogtoAccessToken? previous)
    {
        if (_sharedStore is null)
        {
            return await RequestTokenAsync(previous).ConfigureAwait(false);
        }

        if (await ReadSharedAsync(_sharedStore, previous).ConfigureAwait(false) is { } shared)
        {
            return UseShared(shared);
        }

        // Processes that find no token at once elect one to fetch it (when the cache can add if absent); the others wait
        // for its token, or take the lease over when it gives it up.
        LeaseOutcome lease = await _sharedStore.TryTakeFetchLeaseAsync().ConfigureAwait(false);
        bool holdsLease = lease == LeaseOutcome.Held;
        if (lease == LeaseOutcome.HeldByAnother)
        {
            (LogtoAccessToken? fetchedByAnother, holdsLease) = await _sharedStore.WaitForFetchedTokenAsync(_refreshAt, token => IsNewAndFresh(token, previous)).ConfigureAwait(false);
            if (fetchedByAnother is not null)
            {
                return UseShared(fetchedByAnother);
            }
        }

        try
        {
            // The lease may have been given up by a process that has just stored its token: look once more.
            if (holdsLease && await ReadSharedAsync(_sharedStore, previous).ConfigureAwait(false) is { } stored)
            {
                return UseShared(stored);
            }

            LogtoAccessToken fetched = await RequestTokenAsync(previous).ConfigureAwait(false);
            await _sharedStore.SetAsync(fetched, _settings.TimeProvider.GetUtcNow()).ConfigureAwait(false);
            return fetched;
        }
        finally
        {
            if (holdsLease)
            {
                await _sharedStore.ReleaseFetchLeaseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The shared cache's token when <see cref="IsNewAndFresh"/>, else <see langword="null"/>.</summary>
    private async Task<LogtoAccessToken?> ReadSharedAsync(SharedTokenStore store, LogtoAccessToken? previous) =>
        await store.GetAsync(_refreshAt).ConfigureAwait(false) is { } token && IsNewAndFresh(token, previous) ? token : null;

    private LogtoAccessToken UseShared(LogtoAccessToken token)
    {
        Log.SharedTokenUsed(_logger, _settings.Resource, _settings.ClientId);
        return token;
    }

    /// <summary>
    /// Whether a token from the shared cache is still fresh, newer than <paramref name="previous"/> (another process
    /// refreshed it), and not the one the API refused last (its removal from the shared cache may have failed).
    /// </summary>
    private bool IsNewAndFresh(LogtoAccessToken token, LogtoAccessToken? previous) =>
        _settings.TimeProvider.GetUtcNow() < token.RefreshAt && (previous is null || token.ExpiresAt > previous.ExpiresAt)
        && !string.Equals(token.Value, Volatile.Read(ref _refusedToken), StringComparison.Ordinal);

    private async Task<LogtoAccessToken> RequestTokenAsync(LogtoAccessToken? previous)
    {
        using Activity? activity = LogtoDiagnostics.ActivitySource.StartActivity(LogtoDiagnostics.TokenFetchActivityName, ActivityKind.Client);
        activity?.SetTag("logto.token_endpoint", _settings.TokenEndpoint.GetLeftPart(UriPartial.Path));
        activity?.SetTag("logto.client_id", _settings.ClientId);
        activity?.SetTag("logto.resource", _settings.Resource);
        var resourceTag = new KeyValuePair<string, object?>("logto.resource", _settings.Resource);
        LogtoDiagnostics.Fetches.Add(1, resourceTag);
        try
        {
            LogtoAccessToken token = await ClientCredentialsTokenClient
                .RequestTokenAsync(_httpClient, _settings, CancellationToken.None).ConfigureAwait(false);
            TimeSpan lifetime = token.ExpiresAt - token.IssuedAt;
            if (previous is null)
            {
                Log.TokenFetched(_logger, _settings.Resource, _settings.ClientId, string.Join(' ', token.Scopes), lifetime);
            }
            else
            {
                Log.TokenRefreshed(_logger, _settings.Resource, _settings.ClientId, string.Join(' ', token.Scopes), lifetime);
            }

            return token;
        }
        catch (Exception e)
        {
            LogtoDiagnostics.Failures.Add(1, resourceTag);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            Log.TokenFetchFailed(_logger, _settings.Resource, _settings.ClientId, e.Message, e);
            throw;
        }
    }
}
