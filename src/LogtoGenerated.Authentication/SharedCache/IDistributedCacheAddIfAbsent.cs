using Microsoft.Extensions.Caching.Distributed;

namespace LogtoGenerated.Authentication;

/// <summary>
/// What a shared token cache (<see cref="LogtoClientCredentialsOptions.SharedTokenCache"/>) may offer besides
/// <see cref="IDistributedCache"/>: adding an entry only when the key has none, atomically (Redis <c>SET key value NX PX ttl</c>).
/// </summary>
/// <remarks>
/// <para>
/// With it, processes that find no token in the shared cache at the same time (a fleet or a function scaled out at once,
/// or every process at the token's refresh time) elect one of them to fetch the token from Logto, and the others wait
/// for it to appear in the cache: the burst costs one token request. The election is a lease of a few seconds; a
/// process that fails to fetch gives it up at once, and one that dies holding it delays the others by the lease at most. Without it, each of those processes fetches a token of its own (Logto Cloud counts issued
/// tokens), and from then on all of them share the last one stored.
/// </para>
/// <para>
/// Implement it on the <see cref="IDistributedCache"/> you pass; the README shows one over a StackExchange.Redis
/// connection. The key is a name the library derives from the client secret; the value is random bytes. A process that
/// fails to fetch gives the lease up with <see cref="IDistributedCache.RemoveAsync"/>: add under the same key that
/// removes (for a <c>RedisCache</c>, one without an <c>InstanceName</c>, or with the prefix added here too).
/// </para>
/// </remarks>
public interface IDistributedCacheAddIfAbsent
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> for <paramref name="timeToLive"/> when it has no value, atomically.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="timeToLive">How long the value lives.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when this call added the value; <see langword="false"/> when the key had one.</returns>
    Task<bool> AddIfAbsentAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken = default);
}
