using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using LogtoGenerated.Diagnostics;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Authentication;

/// <summary>
/// One token's entry in the application's shared <see cref="IDistributedCache"/>, sealed by a <see cref="SharedTokenProtector"/>.
/// Never fails a call: a cache that throws, is slower than the timeout or holds an unreadable entry counts as a miss,
/// and the provider fetches its own token.
/// </summary>
/// <remarks>
/// Every operation is bounded by the timeout (real time: the cache's own wait is not on the token clock). After a
/// failure the cache is left alone for <see cref="RetryAfter"/>, so that an outage costs each call nothing, then tried
/// again. One warning per outage and one message when the cache is back, per cache instance in the process.
/// </remarks>
internal sealed class SharedTokenStore
{
    /// <summary>How long the cache is skipped after a failure before it is tried again.</summary>
    internal static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The least time the first operation on a cache instance gets: it usually opens the connection, which on a busy
    /// machine (a fleet or a function scaled out at once) takes seconds; giving up sooner means fetching a token of its
    /// own. Fifty processes started at once on two cores take up to 26 s for their whole call; with 5 s here, up to 12
    /// of them gave up on the cache (docs/performance.md). A cache that fails (connection refused) ends the wait as soon
    /// as it says so.
    /// </summary>
    internal static readonly TimeSpan FirstOperationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long the lease of fetching the token from Logto lasts (a cache with add-if-absent only).</summary>
    internal static readonly TimeSpan FetchLease = TimeSpan.FromSeconds(5);

    /// <summary>How often a process that lost the lease looks for the token another one is fetching.</summary>
    internal static readonly TimeSpan LeasePollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long an operation the caller stopped waiting for may still run before it is canceled.</summary>
    internal static readonly TimeSpan AbandonedOperationLimit = TimeSpan.FromSeconds(30);

    private const string LeaseSuffix = ":fetching";

    // The health of each cache instance, shared by every provider in the process that uses it.
    private static readonly ConditionalWeakTable<IDistributedCache, Health> HealthOfCache = new();

    private readonly IDistributedCache _cache;
    private readonly SharedTokenProtector _protector;
    private readonly TimeSpan _timeout;
    private readonly Health _health;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _resourceTag;

    public SharedTokenStore(IDistributedCache cache, SharedTokenProtector protector, TimeSpan timeout, string resource, ILogger logger)
    {
        _cache = cache;
        _protector = protector;
        _timeout = timeout;
        _health = HealthOfCache.GetValue(cache, static _ => new Health());
        _logger = logger;
        _resourceTag = new KeyValuePair<string, object?>("logto.resource", resource);
    }

    /// <summary>Whether the cache can add if absent, so that processes elect one of them to fetch a token.</summary>
    public bool CanElectFetcher => _cache is IDistributedCacheAddIfAbsent;

    /// <summary>The token in the shared cache, or <see langword="null"/> (none, unreadable, or the cache failed).</summary>
    public Task<LogtoAccessToken?> GetAsync(Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt) => ReadAsync(refreshAt, countMiss: true);

    /// <summary>
    /// Takes the lease of fetching the token from Logto: <see cref="LeaseOutcome.Held"/> when this call added it,
    /// <see cref="LeaseOutcome.HeldByAnother"/> when another process holds it, <see cref="LeaseOutcome.NoElection"/> when
    /// the cache cannot elect (no add-if-absent, down, failed): then this process fetches as if alone.
    /// </summary>
    public Task<LeaseOutcome> TryTakeFetchLeaseAsync()
    {
        if (_cache is not IDistributedCacheAddIfAbsent addIfAbsent)
        {
            return Task.FromResult(LeaseOutcome.NoElection);
        }

        byte[] holder = RandomNumberGenerator.GetBytes(16);
        return RunAsync(
            async (_, key, ct) => await addIfAbsent.AddIfAbsentAsync(key + LeaseSuffix, holder, FetchLease, ct).ConfigureAwait(false)
                ? LeaseOutcome.Held
                : LeaseOutcome.HeldByAnother,
            LeaseOutcome.NoElection);
    }

    /// <summary>Gives up the lease this process holds (its fetch ended), so that a waiting process goes on at once.</summary>
    public Task ReleaseFetchLeaseAsync() => RunAsync(static (cache, key, ct) => cache.RemoveAsync(key + LeaseSuffix, ct));

    /// <summary>
    /// After losing the lease: the token another process fetched, as soon as it is in the cache and <paramref name="usable"/>.
    /// Without one: this process took the lease over (the holder gave it up or died: <c>HoldsLease</c>), or the cache
    /// failed, or twice the lease went by (an add-if-absent that never adds must not stop this process from fetching).
    /// </summary>
    public async Task<(LogtoAccessToken? Token, bool HoldsLease)> WaitForFetchedTokenAsync(
        Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt, Func<LogtoAccessToken, bool> usable)
    {
        long started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < 2 * FetchLease)
        {
            await Task.Delay(LeasePollInterval).ConfigureAwait(false);
            if (await ReadAsync(refreshAt, countMiss: false).ConfigureAwait(false) is { } token && usable(token))
            {
                return (token, false);
            }

            if (_health.ShouldSkip(TimeProvider.System.GetUtcNow()))
            {
                return (null, false);
            }

            LeaseOutcome lease = await TryTakeFetchLeaseAsync().ConfigureAwait(false);
            if (lease != LeaseOutcome.HeldByAnother)
            {
                return (null, lease == LeaseOutcome.Held);
            }
        }

        return (null, false);
    }

    private async Task<LogtoAccessToken?> ReadAsync(Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt, bool countMiss)
    {
        byte[]? entry = await ReadEntryAsync().ConfigureAwait(false);
        if (entry is null)
        {
            if (countMiss)
            {
                LogtoDiagnostics.SharedCacheMisses.Add(1, _resourceTag);
            }

            return null;
        }

        LogtoAccessToken? token = _protector.Unprotect(entry, refreshAt);
        if (token is null)
        {
            LogtoDiagnostics.SharedCacheErrors.Add(1, _resourceTag);
            if (_health.NoteUnreadable())
            {
                Log.SharedCacheEntryUnreadable(_logger, entry.Length);
            }

            return null;
        }

        _health.NoteReadable();
        LogtoDiagnostics.SharedCacheHits.Add(1, _resourceTag);
        return token;
    }

    /// <summary>Stores the token until its refresh time (nothing when that has passed).</summary>
    public Task SetAsync(LogtoAccessToken token, DateTimeOffset now)
    {
        TimeSpan lifetime = token.RefreshAt - now;
        if (lifetime <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        byte[] entry = _protector.Protect(token);
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime };
        return RunAsync((cache, key, ct) => cache.SetAsync(key, entry, options, ct));
    }

    /// <summary>Removes the entry when it still holds <paramref name="value"/> (a token Logto refused); a newer one is kept.</summary>
    public async Task RemoveAsync(string value, Func<DateTimeOffset, DateTimeOffset, DateTimeOffset> refreshAt)
    {
        byte[]? entry = await ReadEntryAsync().ConfigureAwait(false);
        if (entry is not null && _protector.Unprotect(entry, refreshAt) is { } token && token.Value == value)
        {
            await RunAsync(static (cache, key, ct) => cache.RemoveAsync(key, ct)).ConfigureAwait(false);
        }
    }

    /// <summary>The sealed entry, or <see langword="null"/> (none, or the cache failed).</summary>
    private Task<byte[]?> ReadEntryAsync() => RunAsync(static (cache, key, ct) => cache.GetAsync(key, ct), (byte[]?)null);

    /// <summary><see cref="RunAsync{T}"/> for an operation without a result.</summary>
    private Task RunAsync(Func<IDistributedCache, string, CancellationToken, Task> operation) =>
        RunAsync(
            async (cache, key, ct) =>
            {
                await operation(cache, key, ct).ConfigureAwait(false);
                return true;
            },
            false);

    /// <summary>Runs one cache operation within the timeout; <paramref name="fallback"/> when the cache is down, fails or is too slow.</summary>
    private async Task<T> RunAsync<T>(Func<IDistributedCache, string, CancellationToken, Task<T>> operation, T fallback)
    {
        if (_health.ShouldSkip(TimeProvider.System.GetUtcNow()))
        {
            return fallback;
        }

        TimeSpan limit = _health.HasAnswered || _timeout >= FirstOperationTimeout ? _timeout : FirstOperationTimeout;

        // The call waits at most the limit; the operation itself may go on longer (see the catch below), up to a bound.
        var abandon = new CancellationTokenSource(AbandonedOperationLimit);
        Task<T> task;
        try
        {
            task = operation(_cache, _protector.CacheKey, abandon.Token);
        }
        catch (Exception e)
        {
            abandon.Dispose();
            Failed(e.GetType().Name);
            return fallback;
        }

        try
        {
            T result = await task.WaitAsync(limit).ConfigureAwait(false);
            abandon.Dispose();
            if (_health.Succeeded())
            {
                Log.SharedCacheBack(_logger);
            }

            return result;
        }
        catch (Exception e)
        {
            Failed(e is TimeoutException or OperationCanceledException ? "no answer within " + limit.TotalMilliseconds + " ms" : e.GetType().Name);

            // Slow is not down: an abandoned operation that still succeeds shows the cache answers, and it is used again at
            // once rather than after the retry pause. One that fails later is observed, so that it is not reported as unobserved.
            _ = task.ContinueWith(
                static (t, state) =>
                {
                    (SharedTokenStore store, CancellationTokenSource abandon) = ((SharedTokenStore, CancellationTokenSource))state!;
                    abandon.Dispose();
                    if (t.IsCompletedSuccessfully)
                    {
                        store.AnsweredLate();
                    }
                    else
                    {
                        _ = t.Exception;
                    }
                },
                (this, abandon),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return fallback;
        }
    }

    // The cache is tried again at once instead of after the pause; the outage (logged once) ends with the next answer
    // in time, so a cache that is always a little too slow costs each operation its bound but logs no more.
    private void AnsweredLate() => _health.TryAgainNow();

    // Only the kind of failure is logged, never the exception's message: a cache client's message may quote its
    // connection string, which can hold a password.
    private void Failed(string reason)
    {
        LogtoDiagnostics.SharedCacheErrors.Add(1, _resourceTag);
        if (_health.Failed(TimeProvider.System.GetUtcNow() + RetryAfter))
        {
            Log.SharedCacheUnavailable(_logger, reason, RetryAfter);
        }
    }

    /// <summary>Whether a cache instance is up, and when to try it again when it is not.</summary>
    private sealed class Health
    {
        private int _down;
        private int _answered;
        private int _unreadableLogged;
        private long _retryAtTicks;

        /// <summary>Whether an operation has finished, answered or failed: later ones get the normal timeout.</summary>
        public bool HasAnswered => Volatile.Read(ref _answered) == 1;

        public bool ShouldSkip(DateTimeOffset now) => Volatile.Read(ref _down) == 1 && now.UtcTicks < Volatile.Read(ref _retryAtTicks);

        /// <summary>Records a failure; <see langword="true"/> when it starts an outage (log it once).</summary>
        public bool Failed(DateTimeOffset retryAt)
        {
            Volatile.Write(ref _answered, 1);
            Volatile.Write(ref _retryAtTicks, retryAt.UtcTicks);
            return Interlocked.Exchange(ref _down, 1) == 0;
        }

        /// <summary>Records a success; <see langword="true"/> when it ends an outage.</summary>
        public bool Succeeded()
        {
            Volatile.Write(ref _answered, 1);
            return Volatile.Read(ref _down) == 1 && Interlocked.Exchange(ref _down, 0) == 1;
        }

        /// <summary>Ends the pause after a failure (an abandoned operation answered after all), not the outage.</summary>
        public void TryAgainNow() => Volatile.Write(ref _retryAtTicks, 0);

        /// <summary><see langword="true"/> for the first unreadable entry since the last readable one (log it once).</summary>
        public bool NoteUnreadable() => Interlocked.Exchange(ref _unreadableLogged, 1) == 0;

        public void NoteReadable() => Volatile.Write(ref _unreadableLogged, 0);
    }
}

/// <summary>What taking the lease of fetching a token gave.</summary>
internal enum LeaseOutcome
{
    /// <summary>The cache cannot elect (no add-if-absent, down or failed): fetch as if alone.</summary>
    NoElection,

    /// <summary>This process holds the lease: it fetches, then gives the lease up.</summary>
    Held,

    /// <summary>Another process holds it: wait for its token.</summary>
    HeldByAnother,
}
