// One process of an application that shares its Logto token through Redis: makes one Management API call with a new
// client; with --then-on-input, makes another one with another new client (a new in-process cache, as a function
// invocation would) after reading a line from standard input. Exit code 0 when every call succeeded.
//
// Arguments: <logto endpoint> <client id> <client secret> <redis configuration> [--then-on-input]
using LogtoGenerated;
using LogtoGenerated.Http;
using Microsoft.Extensions.Caching.StackExchangeRedis;

if (args.Length is < 4 or > 5)
{
    Console.Error.WriteLine("usage: <logto endpoint> <client id> <client secret> <redis configuration> [--then-on-input]");
    return 2;
}

using var redis = new RedisCache(new RedisCacheOptions { Configuration = args[3], InstanceName = "app:" });
using var http = new HttpClient();

async Task CallAsync()
{
    LogtoManagementClient client = LogtoManagementClient.Create(
        new LogtoManagementOptions
        {
            Endpoint = new Uri(args[0]),
            ClientId = args[1],
            ClientSecret = args[2],
            Retry = LogtoRetryOptions.None,
            SharedTokenCache = redis,

            // The tests start 20 of these at once on a machine with few cores; the default bound (200 ms) is tested
            // on its own, here a slow answer must not pass for a missing token.
            SharedTokenCacheTimeout = TimeSpan.FromSeconds(3),
        },
        http);
    await client.Users["u1"].GetAsync();
    Console.WriteLine("called");
}

try
{
    await CallAsync();
    if (args.Length == 5 && args[4] == "--then-on-input")
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
