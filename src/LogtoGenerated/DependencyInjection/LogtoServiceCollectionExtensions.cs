using System.Net;
using LogtoGenerated;
using LogtoGenerated.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="LogtoManagementClient"/> with dependency injection.</summary>
/// <example><code>
/// // appsettings.json: { "Logto": { "TenantId": "abc123", "ClientId": "...", "ClientSecret": "..." } }
/// builder.Services.AddLogtoManagementClient(builder.Configuration.GetSection("Logto"));
///
/// // then inject it:
/// app.MapGet("/users/{id}", (string id, LogtoManagementClient logto) => logto.Users[id].GetAsync());
/// </code></example>
public static class LogtoServiceCollectionExtensions
{
    /// <summary>Registers <see cref="LogtoManagementClient"/>, configured by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options (tenant or endpoint, credentials, retries).</param>
    /// <returns>
    /// The builder of the underlying <see cref="HttpClient"/>, to add handlers or configure it. Its primary handler asks for
    /// gzip, deflate and brotli compressed responses and decompresses them.
    /// </returns>
    public static IHttpClientBuilder AddLogtoManagementClient(this IServiceCollection services, Action<LogtoManagementOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddLogtoManagementClient(Options.Options.DefaultName, configure);
    }

    /// <summary>
    /// Registers <see cref="LogtoManagementClient"/>, configured from a configuration section with the keys
    /// <c>TenantId</c>, <c>Endpoint</c>, <c>ClientId</c>, <c>ClientSecret</c>, and optionally <c>Resource</c>,
    /// <c>Scopes</c>, <c>TokenEndpoint</c>, <c>TokenRefreshSkew</c>, <c>AllowedHosts</c>, <c>MaxConcurrentPageRequests</c>, <c>UseSharedTokenCache</c>,
    /// <c>SharedTokenCacheTimeout</c>, <c>Retry:MaxRetries</c>,
    /// <c>Retry:InitialDelay</c>, <c>Retry:MaxDelay</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The section, for example <c>builder.Configuration.GetSection("Logto")</c>.</param>
    /// <param name="configure">Sets further options in code after the section is read (a rate limiter, say); optional.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddLogtoManagementClient(
        this IServiceCollection services, IConfiguration configuration, Action<LogtoManagementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddLogtoManagementClient(Options.Options.DefaultName, configuration, configure);
    }

    /// <summary>
    /// Registers a named client (one per tenant or application); get it from <see cref="ILogtoManagementClientFactory"/>.
    /// Clients of one name share one token cache.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddLogtoManagementClient(
        this IServiceCollection services, string name, Action<LogtoManagementOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, builder => builder.Configure(configure));
    }

    /// <summary>Registers a named client configured from a configuration section (keys as for the unnamed overload).</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configuration">The section.</param>
    /// <param name="configure">Sets further options in code after the section is read; optional.</param>
    /// <returns>The builder of the underlying <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddLogtoManagementClient(
        this IServiceCollection services, string name, IConfiguration configuration, Action<LogtoManagementOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name, builder =>
        {
            builder.Configure(options => LogtoConfigurationReader.Bind(configuration, options));
            if (configure is not null)
            {
                builder.Configure(configure);
            }
        });
    }

    private static IHttpClientBuilder Register(
        IServiceCollection services, string name, Action<OptionsBuilder<LogtoManagementOptions>> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);

        OptionsBuilder<LogtoManagementOptions> options = services.AddOptions<LogtoManagementOptions>(name);
        configureOptions(options);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LogtoManagementOptions>, LogtoManagementOptionsValidator>());

        LogtoClientRegistry registry = GetRegistry(services);
        registry.Add(name);
        services.TryAddSingleton<ILogtoManagementClientFactory, LogtoManagementClientFactory>();
        if (name.Length == 0)
        {
            services.TryAddTransient(static provider => provider.GetRequiredService<ILogtoManagementClientFactory>().CreateClient(string.Empty));
        }

        return services.AddHttpClient(LogtoClientRegistry.HttpClientName(name))
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => AskForCompression(handler));
    }

    /// <summary>
    /// Makes the primary handler ask for gzip, deflate and brotli and decompress the answers: Logto compresses when asked,
    /// and a page of users then moves about a ninth of the bytes. A primary handler of another kind is left as it is.
    /// </summary>
    private static void AskForCompression(HttpMessageHandler handler)
    {
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AutomaticDecompression = DecompressionMethods.All;
                break;
            case HttpClientHandler client when client.SupportsAutomaticDecompression:
                client.AutomaticDecompression = DecompressionMethods.All;
                break;
        }
    }

    private static LogtoClientRegistry GetRegistry(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(LogtoClientRegistry) && descriptor.ImplementationInstance is LogtoClientRegistry existing)
            {
                return existing;
            }
        }

        var registry = new LogtoClientRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}
