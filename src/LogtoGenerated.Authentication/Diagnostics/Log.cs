using Microsoft.Extensions.Logging;

namespace LogtoGenerated.Diagnostics;

/// <summary>The library's log events. None of them carries a secret or a token.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Fetched a Logto access token for {Resource} (client {ClientId}, scopes '{Scopes}'), valid for {Lifetime}.")]
    public static partial void TokenFetched(ILogger logger, string resource, string clientId, string scopes, TimeSpan lifetime);

    [LoggerMessage(2, LogLevel.Information, "Refreshed the Logto access token for {Resource} (client {ClientId}, scopes '{Scopes}'), valid for {Lifetime}.")]
    public static partial void TokenRefreshed(ILogger logger, string resource, string clientId, string scopes, TimeSpan lifetime);

    [LoggerMessage(3, LogLevel.Error, "Fetching a Logto access token for {Resource} (client {ClientId}) failed: {Reason}")]
    public static partial void TokenFetchFailed(ILogger logger, string resource, string clientId, string reason, Exception exception);

    [LoggerMessage(4, LogLevel.Information, "Logto answered 401 to {Method} {Path}; discarding the cached access token for {Resource} and sending the request once more with a new one.")]
    public static partial void TokenRejected(ILogger logger, string method, string path, string resource);

    [LoggerMessage(5, LogLevel.Warning, "TenantId '{TenantId}' is set but the endpoint {Endpoint} is not on logto.app. Logto Cloud's Management API must be called on https://{TenantId}.logto.app, not on a custom domain; leave Endpoint unset to use it.")]
    public static partial void EndpointNotLogtoCloud(ILogger logger, string tenantId, string endpoint);

    [LoggerMessage(6, LogLevel.Debug, "Not sending the Logto access token to {Host}: {Reason}.")]
    public static partial void HostNotAllowed(ILogger logger, string host, string reason);

    [LoggerMessage(7, LogLevel.Warning, "The shared token cache is unavailable ({Reason}); fetching Logto access tokens without it, and trying it again every {RetryAfter}. Calls are not affected. Logged once per outage.")]
    public static partial void SharedCacheUnavailable(ILogger logger, string reason, TimeSpan retryAfter);

    [LoggerMessage(8, LogLevel.Information, "The shared token cache answers again; Logto access tokens are shared through it.")]
    public static partial void SharedCacheBack(ILogger logger);

    [LoggerMessage(9, LogLevel.Warning, "The shared token cache holds an entry ({Length} bytes) that this application cannot read: written with another client secret or format, or altered. Fetching a token instead; the entry is replaced.")]
    public static partial void SharedCacheEntryUnreadable(ILogger logger, int length);

    [LoggerMessage(10, LogLevel.Debug, "Using the Logto access token for {Resource} (client {ClientId}) from the shared token cache.")]
    public static partial void SharedTokenUsed(ILogger logger, string resource, string clientId);
}
