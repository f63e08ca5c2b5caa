using System.Collections.Concurrent;
using LogtoGenerated.Authentication;
using LogtoGenerated.Authentication.Configuration;
using LogtoGenerated.Http;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.DependencyInjection;

/// <summary>
/// The <see cref="ILogtoManagementClientFactory"/> registered by <c>AddLogtoManagementClient</c>: one token cache per
/// name for the application's lifetime, an <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> per client.
/// </summary>
internal sealed class LogtoManagementClientFactory : ILogtoManagementClientFactory
{
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptionsMonitor<LogtoManagementOptions> _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly LogtoClientRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly ConcurrentDictionary<string, LogtoTokenCache> _caches = new(StringComparer.Ordinal);

    // The options of each name, checked and resolved once (again only when the options monitor hands out new options
    // after a configuration reload): clients are created per scope or per injection, so this is on the request path.
    private readonly ConcurrentDictionary<string, ResolvedOptions> _resolved = new(StringComparer.Ordinal);

    public LogtoManagementClientFactory(
        IHttpClientFactory httpClientFactory, IOptionsMonitor<LogtoManagementOptions> options, LogtoClientRegistry registry,
        IServiceProvider services, ILoggerFactory? loggerFactory = null)
    {
        _services = services;
        _httpClientFactory = httpClientFactory;
        _options = options;
        _registry = registry;
        _loggerFactory = loggerFactory;
    }

    public LogtoManagementClient CreateClient(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_registry.Contains(name))
        {
            throw new InvalidOperationException(
                name.Length == 0
                    ? "No Logto Management client is registered without a name; call services.AddLogtoManagementClient(...) first."
                    : $"No Logto Management client is registered under the name '{name}'; call services.AddLogtoManagementClient(\"{name}\", ...) first.");
        }

        LogtoManagementOptions options = _options.Get(name);
        if (!_resolved.TryGetValue(name, out ResolvedOptions? resolved) || !ReferenceEquals(resolved.Options, options))
        {
            resolved = Resolve(options);
            _resolved[name] = resolved;
        }

        HttpClient httpClient = _httpClientFactory.CreateClient(LogtoClientRegistry.HttpClientName(name));
        LogtoTokenCache cache = _caches.GetOrAdd(name, static _ => new LogtoTokenCache());
        return LogtoManagementClient.Create(resolved.Settings, httpClient, cache, resolved.Logger, resolved.SharedCache);
    }

    private ResolvedOptions Resolve(LogtoManagementOptions options)
    {
        // Resolved when the options were validated (at startup), unless they were never validated.
        ManagementClientSettings settings = _registry.Resolved(options) ?? ManagementClientSettings.Resolve(options, nameof(options));
        ILogger? logger = _loggerFactory?.CreateLogger(LogtoManagementClient.AuthenticationLogCategory);
        if (logger is not null)
        {
            ClientCredentialsAuthenticationProvider.WarnAboutOptions(options, settings.Credentials!, logger);
        }

        IDistributedCache? sharedCache = null;
        if (settings.Credentials!.UseRegisteredSharedCache && settings.Credentials.SharedCache is null)
        {
            sharedCache = (IDistributedCache?)_services.GetService(typeof(IDistributedCache)) ?? throw new InvalidOperationException(
                "UseSharedTokenCache is set but no IDistributedCache is registered: register one (for Redis, services.AddStackExchangeRedisCache(...)) or set SharedTokenCache.");
        }

        return new ResolvedOptions(options, settings, logger, sharedCache);
    }

    private sealed record ResolvedOptions(LogtoManagementOptions Options, ManagementClientSettings Settings, ILogger? Logger, IDistributedCache? SharedCache);
}

/// <summary>
/// The names registered with <c>AddLogtoManagementClient</c>, and the options the validator checked and resolved, so
/// that the client factory does not check them (and derive the shared cache's keys) a second time.
/// </summary>
internal sealed class LogtoClientRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly CheckedOptions<LogtoManagementOptions, ManagementClientSettings> _resolved = new();

    public static string HttpClientName(string name) => "LogtoGenerated.LogtoManagementClient:" + name;

    public void Add(string name)
    {
        lock (_names)
        {
            _names.Add(name);
        }
    }

    public bool Contains(string name)
    {
        lock (_names)
        {
            return _names.Contains(name);
        }
    }

    /// <summary>Remembers what these options (this very instance) resolve to.</summary>
    public void RememberResolved(LogtoManagementOptions options, ManagementClientSettings settings) => _resolved.Remember(options, settings);

    /// <summary>What these options resolved to when they were validated, or <see langword="null"/>.</summary>
    public ManagementClientSettings? Resolved(LogtoManagementOptions options) => _resolved.Resolved(options);
}

/// <summary>
/// Validates every named <see cref="LogtoManagementOptions"/> at startup, with messages naming each bad option, and
/// hands what they resolve to to the client factory (the options are checked once).
/// </summary>
internal sealed class LogtoManagementOptionsValidator(LogtoClientRegistry registry) : IValidateOptions<LogtoManagementOptions>
{
    public ValidateOptionsResult Validate(string? name, LogtoManagementOptions options)
    {
        List<string> errors = ManagementClientSettings.Check(options, out ManagementClientSettings? settings);

        if (errors.Count == 0)
        {
            registry.RememberResolved(options, settings!);
            return ValidateOptionsResult.Success;
        }

        string prefix = string.IsNullOrEmpty(name) ? string.Empty : "Logto client '" + name + "': ";
        return ValidateOptionsResult.Fail(errors.Select(error => prefix + error));
    }
}
