using System.Diagnostics;
using System.Text;
using LogtoGenerated.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>One token for every process of an application, through a real Redis behind <c>IDistributedCache</c>.</summary>
public sealed class SharedTokenCacheTests : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private readonly RedisServer _redis;
    private readonly FakeTimeProvider _clock = new();
    private readonly HttpClient _http = new();
    private FakeLogtoServer _server = null!;
    private SharedCacheSetup _app = null!;

    public SharedTokenCacheTests(RedisFixture redis) => _redis = redis.Server;

    public async Task InitializeAsync()
    {
        _server = await FakeLogtoServer.StartAsync();
        _app = new SharedCacheSetup(_server, _clock);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Two_hundred_fresh_clients_one_after_another_fetch_one_token_while_it_is_valid_and_one_more_after_it_expires()
    {
        SharedCacheSetup.ServeTokensAndUsers(_server);
        using RedisCache redis = _redis.CreateCache();

        for (int process = 0; process < 200; process++)
        {
            await _app.FreshClient(redis, _http).Users["u1"].GetAsync();
        }

        Assert.Equal(1, _app.TokenRequests);
        Assert.All(_app.ApiTokens, token => Assert.Equal("Bearer token-1", token));

        _clock.Advance(TimeSpan.FromHours(1));
        for (int process = 0; process < 50; process++)
        {
            await _app.FreshClient(redis, _http).Users["u1"].GetAsync();
        }

        Assert.Equal(2, _app.TokenRequests);
        Assert.Equal(250, _app.ApiTokens.Count);
        Assert.All(_app.ApiTokens.Skip(200), token => Assert.Equal("Bearer token-2", token));
    }

    [Fact]
    public async Task A_401_discards_the_token_in_the_shared_cache_too_so_the_next_process_gets_the_replacement()
    {
        int issued = 0;
        _server.On("POST", TokenEndpoint.Path, _ => TokenEndpoint.Success("token-" + Interlocked.Increment(ref issued)));
        _server.Respond(request => request.Headers["Authorization"] == "Bearer token-1"
            ? FakeResponse.Json(401, "{\"code\":\"auth.unauthorized\",\"message\":\"Unauthorized.\"}")
            : TokenEndpoint.User());
        using RedisCache redis = _redis.CreateCache();

        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();
        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();
        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2", "Bearer token-2"], _app.ApiTokens);
        Assert.Equal(2, _app.TokenRequests);
    }

    [Fact]
    public async Task The_stored_entry_holds_neither_the_token_nor_the_secret_in_any_readable_or_base64_form()
    {
        const string Token = "eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJteS1tMm0tYXBwIn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
        _server.On("POST", TokenEndpoint.Path, _ => TokenEndpoint.Success(Token));
        _server.Respond(_ => TokenEndpoint.User());
        using RedisCache redis = _redis.CreateCache();

        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();

        (string Key, byte[] Value)[] entries = (await _redis.DumpAsync()).Where(e => e.Key.Contains("LogtoGenerated:token:", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(entries);
        string[] forbidden = Forms(Token).Concat(Forms(_app.ClientSecret)).Concat(Forms(_app.ClientId + ":" + _app.ClientSecret)).ToArray();
        foreach ((string key, byte[] value) in entries)
        {
            string asText = Encoding.UTF8.GetString(value) + Encoding.Latin1.GetString(value) + Convert.ToBase64String(value) + Convert.ToHexString(value);
            foreach (string secret in forbidden)
            {
                Assert.DoesNotContain(secret, asText, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(secret, key, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(_app.ClientId, key, StringComparison.Ordinal);
        }

        // The part of the token a reader would try first, the payload segment, in any of its encodings.
        static IEnumerable<string> Forms(string secret)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(secret);
            string base64 = Convert.ToBase64String(bytes);
            return [secret, base64, base64.TrimEnd('='), base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'), Convert.ToHexString(bytes)];
        }
    }

    [Fact]
    public async Task A_second_app_or_a_second_secret_of_the_same_app_on_the_same_redis_never_reads_the_first_ones_token()
    {
        _server.On("POST", TokenEndpoint.Path, request => TokenEndpoint.Success("token-of-" + TokenEndpoint.DecodeBasic(request.Headers["Authorization"]).Replace(':', '.')));
        _server.Respond(_ => TokenEndpoint.User());
        using RedisCache redis = _redis.CreateCache();
        string firstId = _app.ClientId;
        string firstSecret = _app.ClientSecret;

        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();
        string secondSecret = _app.ClientSecret = "another-secret-" + Guid.NewGuid().ToString("N");
        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();
        string secondId = _app.ClientId = "another-app-" + Guid.NewGuid().ToString("N")[..8];
        _app.ClientSecret = firstSecret;
        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();

        Assert.Equal(3, TokenEndpoint.CountTokenRequests(_server));
        Assert.Equal(
            ["Bearer token-of-" + firstId + "." + firstSecret, "Bearer token-of-" + firstId + "." + secondSecret, "Bearer token-of-" + secondId + "." + firstSecret],
            _app.ApiTokens);
    }

    [Fact]
    public async Task With_dependency_injection_one_configuration_key_shares_tokens_through_the_registered_redis_cache()
    {
        SharedCacheSetup.ServeTokensAndUsers(_server);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logto:Endpoint"] = _server.Endpoint.ToString(),
            ["Logto:ClientId"] = _app.ClientId,
            ["Logto:ClientSecret"] = _app.ClientSecret,
            ["Logto:UseSharedTokenCache"] = "true",
            ["Logto:Retry:MaxRetries"] = "0",
        }).Build();

        // Three "processes" of the app: three service providers, each with its own in-process caches.
        for (int process = 0; process < 3; process++)
        {
            var services = new ServiceCollection();
            services.AddStackExchangeRedisCache(options => options.Configuration = _redis.Configuration);
            services.AddLogtoManagementClient(configuration.GetSection("Logto"));
            await using ServiceProvider provider = services.BuildServiceProvider();
            await provider.GetRequiredService<LogtoManagementClient>().Users["u1"].GetAsync();
        }

        Assert.Equal(1, _app.TokenRequests);
        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-1"], _app.ApiTokens);
    }

    [Fact]
    public async Task UseSharedTokenCache_without_a_registered_distributed_cache_fails_with_a_message_saying_what_to_register()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(options =>
        {
            options.Endpoint = _server.Endpoint;
            options.ClientId = _app.ClientId;
            options.ClientSecret = _app.ClientSecret;
            options.UseSharedTokenCache = true;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LogtoManagementClient>());
        Assert.Contains("AddStackExchangeRedisCache", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.ClientSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseSharedTokenCache_without_dependency_injection_is_refused_and_the_message_names_SharedTokenCache()
    {
        LogtoManagementOptions options = _app.Options(null);
        options.UseSharedTokenCache = true;

        var error = Assert.Throws<ArgumentException>(() => LogtoManagementClient.Create(options, _http));
        Assert.Contains("SharedTokenCache", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.ClientSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.ClientSecret, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_refresh_boundary_fifty_concurrent_callers_cause_one_token_request_and_none_waits_for_it()
    {
        TimeSpan tokenRequestTime = TimeSpan.FromSeconds(1.5);
        int issued = 0;
        _server.On("POST", TokenEndpoint.Path, async (_, cancellationToken) =>
        {
            int number = Interlocked.Increment(ref issued);
            if (number > 1)
            {
                await Task.Delay(tokenRequestTime, cancellationToken);
            }

            return TokenEndpoint.Success("token-" + number);
        });
        _server.Respond(_ => TokenEndpoint.User());
        using RedisCache redis = _redis.CreateCache();
        LogtoManagementClient client = _app.FreshClient(redis, _http);
        await client.Users["u1"].GetAsync();

        // Just before the refresh time (3570 s of 3600): inside the refresh-ahead window (from 3540 to 3555 s on).
        _clock.Advance(TimeSpan.FromSeconds(3570) - TimeSpan.FromTicks(1));
        TimeSpan[] latencies = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var watch = Stopwatch.StartNew();
            await client.Users["u1"].GetAsync();
            return watch.Elapsed;
        }));

        Assert.All(latencies, latency => Assert.True(latency < tokenRequestTime / 2, "A call took " + latency + ": it waited for the token request."));
        Assert.All(_app.ApiTokens, token => Assert.Equal("Bearer token-1", token));

        // The one background refresh lands in this process and in Redis.
        await WaitUntilAsync(async () => (await client.Users["u1"].GetAsync()) is not null && _app.ApiTokens[^1] == "Bearer token-2");
        _clock.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.Users["u1"].GetAsync()));
        await _app.FreshClient(redis, _http).Users["u1"].GetAsync();

        Assert.Equal(2, _app.TokenRequests);
        Assert.All(_app.ApiTokens.TakeLast(51), token => Assert.Equal("Bearer token-2", token));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The condition did not hold within 5 seconds.");
    }
}
