using System.Collections.Concurrent;

namespace LogtoGenerated.Authentication;

/// <summary>
/// Access tokens of client-credentials exchanges, one per token endpoint, client id, resource and scopes. Shared
/// by every <see cref="ClientCredentialsAuthenticationProvider"/> given the same cache, so that clients created
/// per request (for example by <c>IHttpClientFactory</c>) reuse one token.
/// </summary>
/// <remarks>
/// <para>
/// One fetch at a time per token: concurrent callers on a cold or expiring cache wait for the same token request
/// and all get its result or its error. A failed fetch is not cached; the next caller tries again. A caller that
/// cancels stops waiting, but the fetch the others wait for goes on.
/// </para>
/// <para>Thread-safe. Create one per application (dependency injection registers one per client name).</para>
/// </remarks>
public sealed class LogtoTokenCache
{
    private readonly ConcurrentDictionary<TokenCacheKey, Entry> _entries = new();

    /// <summary>How many tokens (valid or not) the cache holds; for diagnostics.</summary>
    public int Count
    {
        get
        {
            int count = 0;
            foreach (KeyValuePair<TokenCacheKey, Entry> entry in _entries)
            {
                if (entry.Value.Token is not null)
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Forgets every cached token; the next call of each provider fetches a new one.</summary>
    public void Clear()
    {
        foreach (KeyValuePair<TokenCacheKey, Entry> entry in _entries)
        {
            lock (entry.Value)
            {
                entry.Value.Token = null;
            }
        }
    }

    /// <summary>The slot for one key; providers look it up once and keep it.</summary>
    internal Entry GetEntry(TokenCacheKey key) => _entries.GetOrAdd(key, static _ => new Entry());

    /// <summary>One cached token and the fetch in flight for it.</summary>
    /// <remarks>
    /// A token is used until its refresh time (<see cref="LogtoAccessToken.RefreshAt"/>). Shortly before that, in the
    /// refresh-ahead window, the first caller starts a fetch in the background and every caller goes on with the
    /// token it has; only a caller with no token, or one past its refresh time, waits for a fetch.
    /// </remarks>
    internal sealed class Entry
    {
        /// <summary>After a background refresh failed, how long before the next caller tries again.</summary>
        private static readonly TimeSpan RefreshAheadRetry = TimeSpan.FromSeconds(5);

        private volatile Slot? _slot;
        private Task<LogtoAccessToken>? _inflight;

        /// <summary>The cached token, or <see langword="null"/>.</summary>
        public LogtoAccessToken? Token
        {
            get => _slot?.Token;
            set => _slot = value is null ? null : new Slot(value);
        }

        /// <summary>
        /// The cached token when it is still fresh at <paramref name="now"/> (starting a background refresh when it is
        /// due soon); otherwise waits for the one fetch that replaces it (starting it when none is running). Completes
        /// synchronously, without allocating, on a hit outside the refresh-ahead window.
        /// </summary>
        public ValueTask<LogtoAccessToken> GetAsync(
            DateTimeOffset now, Func<LogtoAccessToken?, Task<LogtoAccessToken>> fetch, CancellationToken cancellationToken)
        {
            Slot? slot = _slot;
            if (slot is not null && now < slot.Token.RefreshAt)
            {
                if (now.UtcTicks >= slot.RefreshAheadTicks)
                {
                    RefreshAhead(slot, now, fetch);
                }

                return new ValueTask<LogtoAccessToken>(slot.Token);
            }

            return new ValueTask<LogtoAccessToken>(WaitForFetchAsync(now, fetch, cancellationToken));
        }

        /// <summary>Forgets the token when it is still <paramref name="value"/> (a newer one is kept).</summary>
        /// <returns>Whether the token was forgotten.</returns>
        public bool Invalidate(string value)
        {
            lock (this)
            {
                if (_slot is { } slot && slot.Token.Value == value)
                {
                    _slot = null;
                    return true;
                }

                return false;
            }
        }

        /// <summary>Starts one background fetch for a token in its refresh-ahead window; callers do not wait for it.</summary>
        private void RefreshAhead(Slot slot, DateTimeOffset now, Func<LogtoAccessToken?, Task<LogtoAccessToken>> fetch)
        {
            lock (this)
            {
                if (_inflight is not null || !ReferenceEquals(_slot, slot) || now.UtcTicks < slot.RefreshAheadTicks)
                {
                    return;
                }

                // Should this refresh fail, callers keep the token, and the next one tries again a little later.
                slot.RefreshAheadTicks = (now + RefreshAheadRetry).UtcTicks;
                Task<LogtoAccessToken> refresh = _inflight = Task.Run(() => FetchAndStoreAsync(slot.Token, fetch), CancellationToken.None);

                // The failure is logged and counted by the fetch; nobody awaits a background refresh, so observe it here.
                _ = refresh.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }

        private Task<LogtoAccessToken> WaitForFetchAsync(
            DateTimeOffset now, Func<LogtoAccessToken?, Task<LogtoAccessToken>> fetch, CancellationToken cancellationToken)
        {
            Task<LogtoAccessToken> inflight;
            lock (this)
            {
                LogtoAccessToken? token = _slot?.Token;
                if (token is not null && now < token.RefreshAt)
                {
                    return Task.FromResult(token);
                }

                // Run the fetch on the thread pool, detached from every caller's token, so that it cannot run
                // (or complete) inside this lock and one caller's cancellation does not fail the others.
                inflight = _inflight ??= Task.Run(() => FetchAndStoreAsync(token, fetch), CancellationToken.None);
            }

            return inflight.WaitAsync(cancellationToken);
        }

        private async Task<LogtoAccessToken> FetchAndStoreAsync(
            LogtoAccessToken? previous, Func<LogtoAccessToken?, Task<LogtoAccessToken>> fetch)
        {
            try
            {
                LogtoAccessToken token = await fetch(previous).ConfigureAwait(false);
                lock (this)
                {
                    _slot = new Slot(token);
                }

                return token;
            }
            finally
            {
                lock (this)
                {
                    _inflight = null;
                }
            }
        }
    }

    /// <summary>A token and the moment its background refresh starts.</summary>
    private sealed class Slot
    {
        private long _refreshAheadTicks;

        /// <summary>
        /// The refresh-ahead window is the first half of the refresh lead (the time between the refresh time and expiry
        /// is its second half, see <see cref="ClientCredentialsSettings.RefreshAt"/>): from 80% of a short-lived
        /// token's life on. Each process starts at a random point in the first half of the window, so that a fleet
        /// sharing one token does not refresh it all at once: the first process to refresh shares the new token, and
        /// the others find it.
        /// </summary>
        public Slot(LogtoAccessToken token)
        {
            Token = token;
            TimeSpan lead = (token.ExpiresAt - token.RefreshAt) * 2;
            _refreshAheadTicks = (token.ExpiresAt - lead + (lead * (Random.Shared.NextDouble() / 4))).UtcTicks;
        }

        public LogtoAccessToken Token { get; }

        public long RefreshAheadTicks
        {
            get => Volatile.Read(ref _refreshAheadTicks);
            set => Volatile.Write(ref _refreshAheadTicks, value);
        }
    }
}
