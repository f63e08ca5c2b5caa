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
    internal sealed class Entry
    {
        private volatile LogtoAccessToken? _token;
        private Task<LogtoAccessToken>? _inflight;

        /// <summary>The cached token, or <see langword="null"/>.</summary>
        public LogtoAccessToken? Token
        {
            get => _token;
            set => _token = value;
        }

        /// <summary>
        /// The cached token when it is still fresh at <paramref name="now"/>; otherwise waits for the one fetch that
        /// replaces it (starting it when none is running). Completes synchronously, without allocating, on a hit.
        /// </summary>
        public ValueTask<LogtoAccessToken> GetAsync(
            DateTimeOffset now, Func<LogtoAccessToken?, Task<LogtoAccessToken>> fetch, CancellationToken cancellationToken)
        {
            LogtoAccessToken? token = _token;
            if (token is not null && now < token.RefreshAt)
            {
                return new ValueTask<LogtoAccessToken>(token);
            }

            return new ValueTask<LogtoAccessToken>(WaitForFetchAsync(now, fetch, cancellationToken));
        }

        /// <summary>Forgets the token when it is still <paramref name="value"/> (a newer one is kept).</summary>
        /// <returns>Whether the token was forgotten.</returns>
        public bool Invalidate(string value)
        {
            lock (this)
            {
                if (_token is { } token && token.Value == value)
                {
                    _token = null;
                    return true;
                }

                return false;
            }
        }

        private Task<LogtoAccessToken> WaitForFetchAsync(
            DateTimeOffset now, Func<LogtoAccessToken?, Task<LogtoAccessToken>> fetch, CancellationToken cancellationToken)
        {
            Task<LogtoAccessToken> inflight;
            lock (this)
            {
                LogtoAccessToken? token = _token;
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
                    _token = token;
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
}
