using System.Net;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated;

public partial class LogtoManagementClient
{
    // One connection pool for every client made by Create without an HttpClient; connections are recycled so that
    // DNS changes are seen. Shared and never disposed, as HttpClient is meant to be used. It asks for compressed
    // responses (Logto compresses with gzip, deflate or br when asked: a page of users shrinks about ninefold).
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    }));

    /// <summary>
    /// Creates a client that authenticates as a Logto machine-to-machine application: it fetches, caches and
    /// refreshes access tokens itself.
    /// </summary>
    /// <param name="options">
    /// Where Logto is (<c>TenantId</c> or <c>Endpoint</c>), the application's credentials, retries; to share tokens between
    /// the processes of the application, <see cref="LogtoClientCredentialsOptions.SharedTokenCache"/>.
    /// </param>
    /// <param name="httpClient">
    /// Sends every request, the token requests too; when <see langword="null"/>, a shared client that asks for gzip, deflate
    /// and brotli compressed responses. Your own client is used as it is (set its handler's
    /// <see cref="SocketsHttpHandler.AutomaticDecompression"/> for compression). Not disposed by the client.
    /// </param>
    /// <param name="loggerFactory">Receives token events (never secrets); none when <see langword="null"/>.</param>
    /// <returns>The client. Create one per tenant and application, and reuse it: it is thread-safe.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message names each bad option.</exception>
    /// <example><code>
    /// var client = LogtoManagementClient.Create(new LogtoManagementOptions
    /// {
    ///     TenantId = "abc123", ClientId = "my-m2m-app-id", ClientSecret = "my-m2m-app-secret",
    /// });
    /// </code></example>
    public static LogtoManagementClient Create(LogtoManagementOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Create(options, httpClient ?? SharedHttpClient.Value, new LogtoTokenCache(), loggerFactory);
    }

    /// <summary>Creates a client whose tokens live in <paramref name="cache"/>, from options checked here.</summary>
    internal static LogtoManagementClient Create(
        LogtoManagementOptions options, HttpClient httpClient, LogtoTokenCache cache, ILoggerFactory? loggerFactory)
    {
        ManagementClientSettings settings = ManagementClientSettings.Resolve(options, nameof(options));
        ClientCredentialsAuthenticationProvider.WithoutServices(options, settings.Credentials!);
        ILogger? logger = loggerFactory?.CreateLogger(AuthenticationLogCategory);
        if (logger is not null)
        {
            ClientCredentialsAuthenticationProvider.WarnAboutOptions(options, settings.Credentials!, logger);
        }

        return Create(settings, httpClient, cache, logger);
    }

    /// <summary>
    /// Creates a client from options resolved before (once per dependency-injection name, say); <paramref name="registeredSharedCache"/>
    /// is the application's distributed cache, used when the options ask for the registered one.
    /// </summary>
    internal static LogtoManagementClient Create(
        ManagementClientSettings settings, HttpClient httpClient, LogtoTokenCache cache, ILogger? logger, IDistributedCache? registeredSharedCache = null)
    {
        var provider = new ClientCredentialsAuthenticationProvider(settings.Credentials!, httpClient, cache, logger, registeredSharedCache);
        return new(new LogtoRequestAdapter(settings, httpClient, provider, provider.Endpoint));
    }

    /// <summary>The log category of token events.</summary>
    internal const string AuthenticationLogCategory = "LogtoGenerated.Authentication";
}
