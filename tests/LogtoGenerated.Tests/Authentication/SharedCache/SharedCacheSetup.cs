using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Caching.Distributed;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>Options and counts for tests of the shared token cache: one application (client id and secret) per test.</summary>
internal sealed class SharedCacheSetup
{
    public SharedCacheSetup(FakeLogtoServer server, TimeProvider clock)
    {
        Server = server;
        Clock = clock;
        ClientId = "app-" + Guid.NewGuid().ToString("N")[..12];
        ClientSecret = "secret-" + Guid.NewGuid().ToString("N");
    }

    public FakeLogtoServer Server { get; }

    public TimeProvider Clock { get; }

    public string ClientId { get; set; }

    public string ClientSecret { get; set; }

    /// <summary>
    /// The bound on each shared cache operation. Tests of sharing allow a loaded test machine three seconds, so that a
    /// slow answer does not pass for a missing token; the fault tests use the default (one second).
    /// </summary>
    public TimeSpan SharedCacheTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public LogtoManagementOptions Options(IDistributedCache? sharedCache) => new()
    {
        Endpoint = Server.Endpoint,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
        TimeProvider = Clock,
        Retry = LogtoGenerated.Http.LogtoRetryOptions.None,
        SharedTokenCache = sharedCache,
        SharedTokenCacheTimeout = SharedCacheTimeout,
    };

    /// <summary>A new client with a new in-process token cache: what a fresh process (or function invocation) has.</summary>
    public LogtoManagementClient FreshClient(IDistributedCache? sharedCache, HttpClient http, CollectingLoggerProvider? logs = null) =>
        LogtoManagementClient.Create(Options(sharedCache), http, logs);

    /// <summary>Token requests sent by this test's application.</summary>
    public int TokenRequests => Server.Requests.Count(r => r.Path == TokenEndpoint.Path && TokenEndpoint.DecodeBasic(r.Headers["Authorization"]).StartsWith(ClientId + ":", StringComparison.Ordinal));

    /// <summary>The bearer tokens this test's API calls carried, in order.</summary>
    public IReadOnlyList<string> ApiTokens => Server.Requests.Where(r => r.Path != TokenEndpoint.Path).Select(r => r.Headers["Authorization"]).ToList();

    /// <summary>Serves tokens and users the way Logto does.</summary>
    public static void ServeTokensAndUsers(FakeLogtoServer server, int expiresIn = 3600, string prefix = "token-")
    {
        int issued = 0;
        server.On("POST", TokenEndpoint.Path, _ => TokenEndpoint.Success(prefix + Interlocked.Increment(ref issued), expiresIn));
        server.Respond(_ => TokenEndpoint.User());
    }
}
