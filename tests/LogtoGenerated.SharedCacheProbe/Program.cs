// One process of an application that shares its Logto token through Redis: makes one Management API call with a new
// client; with --then-on-input, makes another one with another new client (a new in-process cache, as a function
// invocation would) after reading a line from standard input. Prints "called <milliseconds>" after each call: the time
// from the client's creation to the call's end (RedisTokenCache connects before, RedisCache within the first call),
// followed by " cache-unavailable" when the library logged that the shared cache did not answer (and so fetched or
// waited without it).
// Exit code 0 when every call succeeded.
//
// Arguments: <logto endpoint> <client id> <client secret> <redis configuration> <cache> [--then-on-input]
//   <cache>: "redis-cache" (Microsoft's RedisCache, as AddStackExchangeRedisCache registers it) or "add-if-absent"
//   (the README's RedisTokenCache: adds if absent, fails fast while Redis is down) or "none" (no shared cache: what a
//   process's call costs by itself).
using System.Diagnostics;
using LogtoGenerated;
using LogtoGenerated.Http;
using LogtoGenerated.TestShared;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging;

if (args.Length is < 5 or > 6 || args[4] is not ("redis-cache" or "add-if-absent" or "none"))
{
    Console.Error.WriteLine("usage: <logto endpoint> <client id> <client secret> <redis configuration> <redis-cache|add-if-absent|none> [--then-on-input]");
    return 2;
}

IDistributedCache? redis = args[4] switch
{
    "redis-cache" => new RedisCache(new RedisCacheOptions { Configuration = args[3], InstanceName = "app:" }),
    "add-if-absent" => await RedisTokenCache.ConnectAsync(args[3]),
    _ => null,
};
using var http = new HttpClient();
var log = new CacheOutageLog();
using var loggerFactory = new LoggerFactory([log]);

async Task CallAsync()
{
    var started = Stopwatch.StartNew();
    // The library's defaults for the shared cache's bounds: the tests measure them.
    LogtoManagementClient client = LogtoManagementClient.Create(
        new LogtoManagementOptions
        {
            Endpoint = new Uri(args[0]),
            ClientId = args[1],
            ClientSecret = args[2],
            Retry = LogtoRetryOptions.None,
            SharedTokenCache = redis,
        },
        http,
        loggerFactory);
    await client.Users["u1"].GetAsync();
    Console.WriteLine("called " + (long)started.Elapsed.TotalMilliseconds + (log.CacheUnavailable ? " cache-unavailable" : ""));
}

try
{
    await CallAsync();
    if (args.Length == 6 && args[5] == "--then-on-input")
    {
        Console.ReadLine();
        await CallAsync();
    }

    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine(e.GetType().Name + ": " + e.Message);
    return 1;
}
finally
{
    (redis as IDisposable)?.Dispose();
}

/// <summary>Notes whether the library logged that the shared token cache is unavailable (its event 7).</summary>
internal sealed class CacheOutageLog : ILoggerProvider, ILogger
{
    public bool CacheUnavailable { get; private set; }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        CacheUnavailable |= eventId.Id == 7;

    public void Dispose()
    {
    }
}
