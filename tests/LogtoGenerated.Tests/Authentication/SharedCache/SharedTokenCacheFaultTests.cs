using System.Diagnostics;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>A shared token cache that is down, slow or holds garbage never fails a call.</summary>
[Collection(TimingCollection.Name)]
public sealed class SharedTokenCacheFaultTests : IAsyncLifetime
{
    private const int UnavailableEvent = 7;
    private const int BackEvent = 8;
    private const int UnreadableEvent = 9;

    private readonly FakeTimeProvider _clock = new();
    private readonly HttpClient _http = new();
    private readonly CollectingLoggerProvider _logs = new();
    private FakeLogtoServer _server = null!;
    private SharedCacheSetup _app = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLogtoServer.StartAsync();
        _app = new SharedCacheSetup(_server, _clock) { SharedCacheTimeout = LogtoGenerated.Authentication.LogtoClientCredentialsOptions.DefaultSharedTokenCacheTimeout };
        SharedCacheSetup.ServeTokensAndUsers(_server);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private int Logged(int eventId) => _logs.Events.Count(e => e.Id.Id == eventId);

    [Fact]
    public async Task Redis_stopped_in_the_middle_of_a_run_fails_no_call_logs_one_warning_and_is_shared_again_when_back()
    {
        await using RedisServer redisServer = await RedisServer.StartAsync();
        using RedisCache redis = redisServer.CreateCache();
        int failed = 0;
        async Task RunAsync(int processes)
        {
            for (int process = 0; process < processes; process++)
            {
                try
                {
                    await _app.FreshClient(redis, _http, _logs).Users["u1"].GetAsync();
                }
                catch (Exception)
                {
                    failed++;
                }
            }
        }

        await RunAsync(20);
        Assert.Equal(1, _app.TokenRequests);

        await redisServer.StopAsync();
        var outage = Stopwatch.StartNew();
        await RunAsync(30);
        Assert.Equal(0, failed);
        Assert.Equal(1, Logged(UnavailableEvent));
        Assert.Equal(LogLevel.Warning, _logs.Events.Single(e => e.Id.Id == UnavailableEvent).Level);
        Assert.True(_app.TokenRequests > 1, "Without Redis each fresh client fetches its own token.");
        Assert.True(outage.Elapsed < TimeSpan.FromSeconds(15), "30 calls during the outage took " + outage.Elapsed + ".");

        await redisServer.StartAgainAsync();

        // Within a bounded time a client writes a token to Redis again; from then on fresh clients fetch none.
        for (int attempt = 0; attempt < 200 && Logged(BackEvent) == 0; attempt++)
        {
            await RunAsync(1);
            await Task.Delay(100);
        }

        Assert.Equal(1, Logged(BackEvent));
        await RunAsync(1);
        int afterRecovery = _app.TokenRequests;
        await RunAsync(20);

        Assert.Equal(afterRecovery, _app.TokenRequests);
        Assert.Equal(0, failed);
        Assert.Equal(1, Logged(UnavailableEvent));
    }

    [Fact]
    public async Task A_cache_slower_than_the_timeout_delays_a_call_by_at_most_the_timeout_and_is_logged_once_per_outage()
    {
        var slow = new MisbehavingCache(delay: TimeSpan.FromSeconds(20));
        var watch = Stopwatch.StartNew();

        await _app.FreshClient(slow, _http, _logs).Users["u1"].GetAsync();
        TimeSpan first = watch.Elapsed;
        await _app.FreshClient(slow, _http, _logs).Users["u1"].GetAsync();
        await _app.FreshClient(slow, _http, _logs).Users["u1"].GetAsync();

        // The first operation may be opening the connection: it gets ten seconds, later ones the default second.
        Assert.True(first < TimeSpan.FromSeconds(12), "The first call took " + first + ".");
        Assert.Contains("no answer within 10000 ms", _logs.AllText, StringComparison.Ordinal);

        // The cache is left alone for a while after a failure, then tried again (and bounded again).
        await Task.Delay(TimeSpan.FromSeconds(2.2));
        watch.Restart();
        await _app.FreshClient(slow, _http, _logs).Users["u1"].GetAsync();
        TimeSpan later = watch.Elapsed;

        Assert.True(later < TimeSpan.FromMilliseconds(1900), "A call after the retry pause took " + later + ".");
        Assert.Equal(4, _app.ApiTokens.Count);
        Assert.Equal(1, Logged(UnavailableEvent));
    }

    [Fact]
    public async Task A_cache_that_throws_fails_no_call_and_its_message_is_never_logged()
    {
        var broken = new MisbehavingCache(error: new InvalidOperationException("connection to redis://user:p4ssw0rd@cache failed"));

        for (int process = 0; process < 5; process++)
        {
            await _app.FreshClient(broken, _http, _logs).Users["u1"].GetAsync();
        }

        Assert.Equal(5, _app.ApiTokens.Count);
        Assert.Equal(1, Logged(UnavailableEvent));
        Assert.DoesNotContain("p4ssw0rd", _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(_app.ClientSecret, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("token-", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_answers_after_the_timeout_shows_the_cache_is_up_so_the_next_client_uses_it_without_the_retry_pause()
    {
        // The first client's read answers at once; its write of the new token answers after 1.5 s (the bound is 1 s).
        var cache = new SlowWriteCache(TimeSpan.FromSeconds(1.5));
        await _app.FreshClient(cache, _http, _logs).Users["u1"].GetAsync();
        Assert.Equal(1, Logged(UnavailableEvent));

        await cache.WriteDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(100);
        await _app.FreshClient(cache, _http, _logs).Users["u1"].GetAsync();

        // Well within the two-second pause after a failure, the second client read the first one's token.
        Assert.Equal(1, _app.TokenRequests);
        Assert.Equal(1, Logged(BackEvent));
    }

    [Fact]
    public async Task Garbage_in_the_shared_entry_is_ignored_logged_once_and_replaced_by_a_good_entry()
    {
        await using RedisServer redisServer = await RedisServer.StartAsync();
        using RedisCache redis = redisServer.CreateCache();
        await _app.FreshClient(redis, _http, _logs).Users["u1"].GetAsync();
        string key = (await redisServer.DumpAsync()).Single(e => e.Key.EndsWith("#data", StringComparison.Ordinal)).Key.Split('#')[0];

        await redisServer.OverwriteAsync(key, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
        await _app.FreshClient(redis, _http, _logs).Users["u1"].GetAsync();
        await _app.FreshClient(redis, _http, _logs).Users["u1"].GetAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2"], _app.ApiTokens);
        Assert.Equal(1, Logged(UnreadableEvent));
        Assert.Equal(0, Logged(UnavailableEvent));
    }

    /// <summary>An in-memory <see cref="IDistributedCache"/> whose first write answers late.</summary>
    private sealed class SlowWriteCache(TimeSpan writeDelay) : IDistributedCache
    {
        private readonly MemoryDistributedCache _entries = new(Microsoft.Extensions.Options.Options.Create(new MemoryDistributedCacheOptions()));
        private int _writes;

        public TaskCompletionSource WriteDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public byte[]? Get(string key) => throw new NotSupportedException("The client only uses the asynchronous methods.");

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => _entries.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException("The client only uses the asynchronous methods.");

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            if (Interlocked.Increment(ref _writes) == 1)
            {
                await Task.Delay(writeDelay, token);
            }

            await _entries.SetAsync(key, value, options, token);
            WriteDone.TrySetResult();
        }

        public void Refresh(string key) => throw new NotSupportedException();

        public Task RefreshAsync(string key, CancellationToken token = default) => throw new NotSupportedException();

        public void Remove(string key) => throw new NotSupportedException();

        public Task RemoveAsync(string key, CancellationToken token = default) => _entries.RemoveAsync(key, token);
    }

    /// <summary>An <see cref="IDistributedCache"/> that answers late (ignoring cancellation) or throws.</summary>
    private sealed class MisbehavingCache(TimeSpan? delay = null, Exception? error = null) : IDistributedCache
    {
        public byte[]? Get(string key) => throw new NotSupportedException("The client only uses the asynchronous methods.");

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            await MisbehaveAsync();
            return null;
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => throw new NotSupportedException("The client only uses the asynchronous methods.");

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => MisbehaveAsync();

        public void Refresh(string key) => throw new NotSupportedException("The client only uses the asynchronous methods.");

        public Task RefreshAsync(string key, CancellationToken token = default) => MisbehaveAsync();

        public void Remove(string key) => throw new NotSupportedException("The client only uses the asynchronous methods.");

        public Task RemoveAsync(string key, CancellationToken token = default) => MisbehaveAsync();

        private async Task MisbehaveAsync()
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            if (error is not null)
            {
                throw error;
            }
        }
    }
}
