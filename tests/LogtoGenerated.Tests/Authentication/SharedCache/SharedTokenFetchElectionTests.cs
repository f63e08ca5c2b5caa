using System.Collections.Concurrent;
using System.Diagnostics;
using LogtoGenerated.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>
/// With a shared cache that adds if absent, fresh clients (each a process's) that find no token at once elect one to fetch
/// it: one token request for the burst, and a failed fetch hands the election over at once. Bounds in real seconds, so
/// they run with the other timing tests, alone.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class SharedTokenFetchElectionTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeLogtoServer _server = null!;
    private SharedCacheSetup _app = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLogtoServer.StartAsync();
        _app = new SharedCacheSetup(_server, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Thirty_fresh_clients_calling_at_once_on_an_empty_cache_that_adds_if_absent_cause_one_token_request()
    {
        // A slow token endpoint, so that every client finds the cache empty while the elected one fetches.
        int issued = 0;
        _server.On("POST", TokenEndpoint.Path, async (_, ct) =>
        {
            await Task.Delay(300, ct);
            return TokenEndpoint.Success("token-" + Interlocked.Increment(ref issued), 3600);
        });
        _server.Respond(_ => TokenEndpoint.User());
        var cache = new AddIfAbsentMemoryCache();

        await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => _app.FreshClient(cache, _http).Users["u1"].GetAsync())));

        Assert.Equal(1, _app.TokenRequests);
        Assert.Equal(Enumerable.Repeat("Bearer token-1", 30), _app.ApiTokens);
    }

    [Fact]
    public async Task When_the_elected_client_fails_to_fetch_a_waiting_one_takes_over_without_waiting_out_the_lease()
    {
        // The first token request fails (Logto unavailable), the next ones succeed.
        int requests = 0;
        _server.On("POST", TokenEndpoint.Path, async (_, ct) =>
        {
            await Task.Delay(200, ct);
            return Interlocked.Increment(ref requests) == 1
                ? FakeResponse.Json(503, """{"error":"temporarily_unavailable","error_description":"down"}""")
                : TokenEndpoint.Success("token-" + requests, 3600);
        });
        _server.Respond(_ => TokenEndpoint.User());
        var cache = new AddIfAbsentMemoryCache();
        var watch = Stopwatch.StartNew();

        Task[] calls = [.. Enumerable.Range(0, 10).Select(_ => Task.Run(() => _app.FreshClient(cache, _http).Users["u1"].GetAsync()))];
        Exception? failure = await Record.ExceptionAsync(() => Task.WhenAll(calls));

        Assert.IsType<LogtoTokenException>(failure);
        Assert.Equal(1, calls.Count(c => c.IsFaulted));
        Assert.Equal(2, _app.TokenRequests);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), "The calls took " + watch.Elapsed + ": the waiting clients waited out the 5 s lease.");
    }

    [Fact]
    public async Task An_add_if_absent_that_never_adds_delays_a_client_by_at_most_twice_the_lease_and_it_then_fetches_its_own_token()
    {
        _server.On("POST", TokenEndpoint.Path, _ => TokenEndpoint.Success("token-1", 3600));
        _server.Respond(_ => TokenEndpoint.User());
        var cache = new AddIfAbsentMemoryCache { NeverAdds = true };
        var watch = Stopwatch.StartNew();

        await _app.FreshClient(cache, _http).Users["u1"].GetAsync();

        Assert.Equal(1, _app.TokenRequests);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(14));
    }

    /// <summary>An in-memory shared cache with an atomic add-if-absent, as Redis <c>SET NX</c> gives.</summary>
    private sealed class AddIfAbsentMemoryCache : IDistributedCache, IDistributedCacheAddIfAbsent
    {
        private readonly MemoryDistributedCache _entries = new(Options.Create(new MemoryDistributedCacheOptions()));
        private readonly ConcurrentDictionary<string, Added> _added = new(StringComparer.Ordinal);

        /// <summary>A broken implementation that answers "already there" every time.</summary>
        public bool NeverAdds { get; init; }

        public Task<bool> AddIfAbsentAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken = default)
        {
            if (NeverAdds)
            {
                return Task.FromResult(false);
            }

            // Added when the entry stored afterwards is this call's own: two calls in the same clock tick must not both win
            // (comparing expiry times let them, and then one holder's release opened the lease while the other fetched).
            DateTimeOffset now = DateTimeOffset.UtcNow;
            var mine = new Added(now + timeToLive);
            Added stored = _added.AddOrUpdate(key, mine, (_, current) => current.Expires > now ? current : mine);
            return Task.FromResult(ReferenceEquals(stored, mine));
        }

        public byte[]? Get(string key) => _entries.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _entries.GetAsync(key, token);

        public void Refresh(string key) => _entries.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => _entries.RefreshAsync(key, token);

        public void Remove(string key)
        {
            _added.TryRemove(key, out _);
            _entries.Remove(key);
        }

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _entries.Set(key, value, options);

        /// <summary>One successful add: a class, so that each call's entry is told apart by reference.</summary>
        private sealed record Added(DateTimeOffset Expires);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
            _entries.SetAsync(key, value, options, token);
    }
}
