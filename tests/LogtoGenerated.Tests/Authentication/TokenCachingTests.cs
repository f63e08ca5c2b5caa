using LogtoGenerated.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>Caching, refresh before expiry, and one fetch at a time under concurrency.</summary>
public sealed class TokenCachingTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;
    private readonly FakeTimeProvider _clock = new();

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private ClientCredentialsAuthenticationProvider CreateProvider(LogtoTokenCache? cache = null, Action<LogtoManagementOptions>? configure = null)
    {
        LogtoManagementOptions options = TokenEndpoint.Options(_server, _clock);
        configure?.Invoke(options);
        return new ClientCredentialsAuthenticationProvider(options, new HttpClient(), cache);
    }

    [Fact]
    public async Task Reuses_the_cached_token_until_the_refresh_skew_before_expiry()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(expiresIn: 3600));
        ClientCredentialsAuthenticationProvider provider = CreateProvider();

        // Up to the refresh-ahead window (the skew before expiry): no token request at all.
        Assert.Equal("token-1", (await provider.GetAccessTokenAsync()).Value);
        _clock.Advance(TimeSpan.FromSeconds(3600 - 60) - TimeSpan.FromTicks(1));
        Assert.Equal("token-1", (await provider.GetAccessTokenAsync()).Value);
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));

        // From the refresh time on (half the skew before expiry), the old token is not used.
        _clock.Advance(TimeSpan.FromSeconds(30) + TimeSpan.FromTicks(1));
        Assert.Equal("token-2", (await provider.GetAccessTokenAsync()).Value);
        Assert.Equal(2, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task Honours_a_configured_refresh_skew()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(expiresIn: 3600));
        ClientCredentialsAuthenticationProvider provider = CreateProvider(configure: o => o.TokenRefreshSkew = TimeSpan.FromMinutes(10));

        await provider.GetAccessTokenAsync();
        _clock.Advance(TimeSpan.FromMinutes(50) - TimeSpan.FromTicks(1));
        Assert.Equal("token-1", (await provider.GetAccessTokenAsync()).Value);
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1));
        Assert.Equal("token-2", (await provider.GetAccessTokenAsync()).Value);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(3600)]
    [InlineData(86400)]
    public async Task A_token_is_used_for_at_least_80_percent_of_its_lifetime_whatever_it_is(int expiresIn)
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(expiresIn: expiresIn));
        ClientCredentialsAuthenticationProvider provider = CreateProvider();
        TimeSpan lifetime = TimeSpan.FromSeconds(expiresIn);

        LogtoAccessToken first = await provider.GetAccessTokenAsync();
        _clock.Advance(lifetime * 0.8 - TimeSpan.FromTicks(1));
        Assert.Same(first, await provider.GetAccessTokenAsync());
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));

        // The old token is used no more from the refresh time: half the lead (the skew, at most a fifth of the life) before expiry.
        TimeSpan lead = TimeSpan.FromSeconds(Math.Min(60, expiresIn / 5.0));
        Assert.Equal(first.ExpiresAt - (lead / 2), first.RefreshAt);
        _clock.Advance(first.RefreshAt - _clock.GetUtcNow());
        Assert.NotSame(first, await provider.GetAccessTokenAsync());
    }

    [Fact]
    public async Task A_60_second_token_costs_two_token_requests_in_75_seconds_of_steady_calls()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(expiresIn: 60));
        ClientCredentialsAuthenticationProvider provider = CreateProvider();

        for (int second = 0; second <= 75; second++)
        {
            LogtoAccessToken token = await provider.GetAccessTokenAsync();
            Assert.True(token.ExpiresAt > _clock.GetUtcNow(), "an expired token was handed out");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(2, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task An_expired_token_is_never_sent_to_the_API()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(expiresIn: 3600));
        _server.Respond(_ => TokenEndpoint.User());
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server, _clock), new HttpClient());

        await client.Users["u1"].GetAsync();
        _clock.Advance(TimeSpan.FromHours(2));
        await client.Users["u1"].GetAsync();

        IReadOnlyList<RecordedRequest> calls = TokenEndpoint.ApiRequests(_server);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], calls.Select(c => c.Headers["Authorization"]));
    }

    [Fact]
    public async Task Caches_per_key_so_providers_sharing_a_cache_share_a_token_and_other_resources_get_their_own()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: "all read:orders"));
        var cache = new LogtoTokenCache();
        ClientCredentialsAuthenticationProvider first = CreateProvider(cache);
        ClientCredentialsAuthenticationProvider second = CreateProvider(cache);
        ClientCredentialsAuthenticationProvider otherResource = CreateProvider(cache, o => o.Resource = "https://shopping.api");
        ClientCredentialsAuthenticationProvider otherScopes = CreateProvider(cache, o => o.Scopes = ["read:orders", "all"]);
        ClientCredentialsAuthenticationProvider sameScopesOtherOrder = CreateProvider(cache, o => o.Scopes = ["all", "read:orders"]);

        Assert.Equal("token-1", (await first.GetAccessTokenAsync()).Value);
        Assert.Equal("token-1", (await second.GetAccessTokenAsync()).Value);
        Assert.Equal("token-2", (await otherResource.GetAccessTokenAsync()).Value);
        Assert.Equal("token-3", (await otherScopes.GetAccessTokenAsync()).Value);
        Assert.Equal("token-3", (await sameScopesOtherOrder.GetAccessTokenAsync()).Value);
        Assert.Equal(3, cache.Count);
        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.Equal("token-4", (await first.GetAccessTokenAsync()).Value);
    }

    [Fact]
    public async Task A_thousand_concurrent_first_calls_cause_exactly_one_token_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<RecordedRequest, FakeResponse> issue = TokenEndpoint.Issuing();
        _server.On("POST", TokenEndpoint.Path, async (request, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return issue(request);
        });
        ClientCredentialsAuthenticationProvider provider = CreateProvider();

        Task<LogtoAccessToken>[] callers = Enumerable.Range(0, 1000)
            .Select(_ => Task.Run(() => provider.GetAccessTokenAsync().AsTask()))
            .ToArray();
        await WaitUntilAsync(() => TokenEndpoint.CountTokenRequests(_server) == 1);
        release.SetResult();
        LogtoAccessToken[] tokens = await Task.WhenAll(callers);

        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
        Assert.All(tokens, token => Assert.Same(tokens[0], token));
    }

    [Fact]
    public async Task Refresh_at_expiry_under_concurrent_load_fetches_once_and_no_call_carries_the_old_token()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(expiresIn: 600));
        _server.Respond(_ => TokenEndpoint.User());
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server, _clock), new HttpClient());
        await client.Users["u1"].GetAsync();
        _server.ClearRequests();

        _clock.Advance(TimeSpan.FromSeconds(600));
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => client.Users["u1"].GetAsync())));

        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
        IReadOnlyList<RecordedRequest> calls = TokenEndpoint.ApiRequests(_server);
        Assert.Equal(200, calls.Count);
        Assert.All(calls, call => Assert.Equal("Bearer token-2", call.Headers["Authorization"]));
    }

    [Fact]
    public async Task All_waiters_get_the_error_of_a_failed_fetch_and_the_failure_is_not_cached()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int requests = 0;
        _server.On("POST", TokenEndpoint.Path, async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref requests) == 1)
            {
                await release.Task.WaitAsync(cancellationToken);
                return FakeResponse.FromRecording("10-token-wrong-secret.txt");
            }

            return TokenEndpoint.Success("token-after-failure");
        });
        ClientCredentialsAuthenticationProvider provider = CreateProvider();

        Task<LogtoAccessToken>[] callers = Enumerable.Range(0, 50).Select(_ => Task.Run(() => provider.GetAccessTokenAsync().AsTask())).ToArray();
        await WaitUntilAsync(() => TokenEndpoint.CountTokenRequests(_server) == 1);
        release.SetResult();
        foreach (Task<LogtoAccessToken> caller in callers)
        {
            LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => caller);
            Assert.Equal(401, e.StatusCode);
        }

        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
        Assert.Equal("token-after-failure", (await provider.GetAccessTokenAsync()).Value);
        Assert.Equal(2, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task A_cancelled_caller_stops_waiting_without_cancelling_the_fetch_others_wait_for()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<RecordedRequest, FakeResponse> issue = TokenEndpoint.Issuing();
        _server.On("POST", TokenEndpoint.Path, async (request, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return issue(request);
        });
        ClientCredentialsAuthenticationProvider provider = CreateProvider();
        using var cancel = new CancellationTokenSource();

        Task<LogtoAccessToken> cancelled = provider.GetAccessTokenAsync(cancel.Token).AsTask();
        Task<LogtoAccessToken> patient = provider.GetAccessTokenAsync().AsTask();
        await WaitUntilAsync(() => TokenEndpoint.CountTokenRequests(_server) == 1);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.False(patient.IsCompleted);
        release.SetResult();

        Assert.Equal("token-1", (await patient).Value);
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task The_cached_path_completes_synchronously()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        ClientCredentialsAuthenticationProvider provider = CreateProvider();
        await provider.GetAccessTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint, "/api/users"));

        ValueTask pending = provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.True(pending.IsCompletedSuccessfully);
        Assert.Equal("Bearer token-1", request.Headers.Authorization!.ToString());
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
