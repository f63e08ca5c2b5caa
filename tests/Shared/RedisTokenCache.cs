using LogtoGenerated.Authentication;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace LogtoGenerated.TestShared;

/// <summary>
/// The shared token cache the README recommends for Redis: a <see cref="RedisCache"/> over the application's own
/// connection, which adds if absent (<c>SET NX</c>) so that a burst of processes fetches one token, and fails at once
/// while Redis is unreachable (the connection's backlog policy), so that a dead Redis costs no wait.
/// </summary>
public sealed class RedisTokenCache(IConnectionMultiplexer redis)
    : RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = () => Task.FromResult(redis) }), IDistributedCacheAddIfAbsent
{
    /// <summary>Connects as the README shows: without failing when Redis is down, and failing operations at once then.</summary>
    public static async Task<RedisTokenCache> ConnectAsync(string configuration)
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return new RedisTokenCache(await ConnectionMultiplexer.ConnectAsync(options));
    }

    /// <inheritdoc/>
    public async Task<bool> AddIfAbsentAsync(string key, byte[] value, TimeSpan timeToLive, CancellationToken cancellationToken = default) =>
        await redis.GetDatabase().StringSetAsync(key, value, timeToLive, When.NotExists);
}
