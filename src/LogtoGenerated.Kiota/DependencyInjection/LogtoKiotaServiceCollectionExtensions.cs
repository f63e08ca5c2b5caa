using Microsoft.Extensions.Caching.Distributed;
using LogtoGenerated.Authentication;
using LogtoGenerated.Authentication.Configuration;
using LogtoGenerated.Kiota;
using LogtoGenerated.Kiota.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Kiota clients authenticated with Logto machine-to-machine tokens with dependency injection.</summary>
/// <example><code>
/// builder.Services.AddLogtoKiotaClient("shop", options =>
/// {
///     options.TenantId = "abc123";
///     options.ClientId = builder.Configuration["Shop:ClientId"];
///     options.ClientSecret = builder.Configuration["Shop:ClientSecret"];
///     options.Resource = "https://shopping.api";
///     options.Scopes.Add("read:orders");
///     options.BaseUrl = new Uri("https://api.shopping.example");
/// }, adapter => new ShopClient(adapter));
///
/// // then inject it:
/// app.MapGet("/orders", ([FromKeyedServices("shop")] ShopClient shop) => shop.Orders.GetAsync());
/// </code></example>
public static class LogtoKiotaServiceCollectionExtensions
{
    /// <summary>The category of the token events' logs, as for LogtoGenerated's own clients.</summary>
    private const string AuthenticationLogCategory = "LogtoGenerated.Authentication";

    /// <summary>
    /// Registers the Kiota client <typeparamref name="TClient"/> as a keyed service named <paramref name="name"/>, authenticated with
    /// tokens of a Logto machine-to-machine application for one API resource.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Each resolution of <c>[FromKeyedServices(name)] TClient</c> (transient) creates the client on an
    /// <see cref="HttpClientRequestAdapter"/> with a <see cref="LogtoKiotaAuthenticationProvider"/>, and an
    /// <see cref="HttpClient"/> from <see cref="IHttpClientFactory"/> with Kiota's default handlers (retries,
    /// redirects, user agent, ...) and a <see cref="LogtoTokenRefreshHandler"/> last. Clients of one name share one
    /// <see cref="LogtoTokenCache"/> (also a keyed service of that name), so the application makes one token request
    /// however many clients it creates, and however many requests start at once.
    /// </para>
    /// <para>
    /// The options are validated when the host starts, with messages naming each bad option. When
    /// <see cref="LogtoKiotaClientOptions.BaseUrl"/> is set and <see cref="LogtoClientCredentialsOptions.AllowedHosts"/>
    /// is empty, the base URL's host (and port) is the one host besides Logto's that gets the token.
    /// </para>
    /// <para>
    /// The token requests go through the <see cref="HttpClient"/> named <c>LogtoGenerated.Kiota.Tokens:{name}</c>, without
    /// Kiota's handlers; configure it with <c>services.AddHttpClient("LogtoGenerated.Kiota.Tokens:" + name)</c>.
    /// </para>
    /// </remarks>
    /// <typeparam name="TClient">The Kiota-generated client (its root request builder).</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name: the key of the keyed services and of its options.</param>
    /// <param name="configure">Sets the options: tenant or endpoint, client id and secret, resource, scopes, base URL.</param>
    /// <param name="createClient">Creates the client on a request adapter, for example <c>adapter =&gt; new ShopClient(adapter)</c>.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to configure it or add handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddLogtoKiotaClient<TClient>(
        this IServiceCollection services, string name, Action<LogtoKiotaClientOptions> configure, Func<IRequestAdapter, TClient> createClient)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Register(services, name, options => options.Configure(configure), createClient);
    }

    /// <summary>
    /// Registers the Kiota client <typeparamref name="TClient"/> as a keyed service named <paramref name="name"/>, with
    /// its options read from a configuration section: the keys of <see cref="LogtoKiotaClientOptions"/>' properties
    /// (<c>TenantId</c> or <c>Endpoint</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Resource</c>, <c>Scopes</c>,
    /// <c>BaseUrl</c>, ...), read by the configuration binder's source generator (trim- and AOT-safe). Otherwise as
    /// <see cref="AddLogtoKiotaClient{TClient}(IServiceCollection, string, Action{LogtoKiotaClientOptions}, Func{IRequestAdapter, TClient})"/>.
    /// </summary>
    /// <typeparam name="TClient">The Kiota-generated client (its root request builder).</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name: the key of the keyed services and of its options.</param>
    /// <param name="configuration">The section, for example <c>builder.Configuration.GetSection("Shop")</c>.</param>
    /// <param name="createClient">Creates the client on a request adapter, for example <c>adapter =&gt; new ShopClient(adapter)</c>.</param>
    /// <param name="configure">Sets further options in code after the section is read (a shared cache, say); optional.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to configure it or add handlers.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddLogtoKiotaClient<TClient>(
        this IServiceCollection services, string name, IConfiguration configuration, Func<IRequestAdapter, TClient> createClient,
        Action<LogtoKiotaClientOptions>? configure = null)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(services, name, options =>
        {
            options.Configure(options => Bind(configuration, options));
            if (configure is not null)
            {
                options.Configure(configure);
            }
        }, createClient);
    }

    private static IHttpClientBuilder Register<TClient>(
        IServiceCollection services, string name, Action<OptionsBuilder<LogtoKiotaClientOptions>> configureOptions, Func<IRequestAdapter, TClient> createClient)
        where TClient : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(createClient);

        OptionsBuilder<LogtoKiotaClientOptions> options = services.AddOptions<LogtoKiotaClientOptions>(name);
        configureOptions(options);
        options
            .PostConfigure(AllowTheBaseUrlsHost)
            .PostConfigure<IServiceProvider>(UseTheRegisteredSharedCache)
            .ValidateOnStart();
        services.TryAddSingleton<CheckedOptions<LogtoKiotaClientOptions, ClientCredentialsSettings>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LogtoKiotaClientOptions>, LogtoKiotaClientOptionsValidator>());

        services.AddHttpClient(LogtoKiotaHttpClientNames.Tokens(name));
        services.TryAddKeyedSingleton<LogtoTokenCache>(name, static (_, _) => new LogtoTokenCache());
        services.TryAddKeyedTransient<LogtoKiotaAuthenticationProvider>(name, (provider, _) => CreateAuthenticationProvider(provider, name));
        services.AddKeyedTransient<TClient>(name, (provider, _) =>
        {
            HttpClient httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(LogtoKiotaHttpClientNames.Api(name));
            var adapter = new HttpClientRequestAdapter(
                provider.GetRequiredKeyedService<LogtoKiotaAuthenticationProvider>(name), httpClient: httpClient);
            if (provider.GetRequiredService<IOptionsMonitor<LogtoKiotaClientOptions>>().Get(name).BaseUrl is { } baseUrl)
            {
                adapter.BaseUrl = baseUrl.AbsoluteUri.TrimEnd('/');
            }

            return createClient(adapter);
        });

        return services.AddHttpClient(LogtoKiotaHttpClientNames.Api(name))
            .ConfigurePrimaryHttpMessageHandler(static () => KiotaClientFactory.GetDefaultHttpMessageHandler())
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (DelegatingHandler handler in KiotaClientFactory.CreateDefaultHandlers())
                {
                    handlers.Add(handler);
                }

                handlers.Add(new LogtoTokenRefreshHandler(provider.GetRequiredKeyedService<LogtoKiotaAuthenticationProvider>(name)));
            });
    }

    private static LogtoKiotaAuthenticationProvider CreateAuthenticationProvider(IServiceProvider provider, string name)
    {
        LogtoKiotaClientOptions options = provider.GetRequiredService<IOptionsMonitor<LogtoKiotaClientOptions>>().Get(name);
        HttpClient tokenClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(LogtoKiotaHttpClientNames.Tokens(name));
        ILogger? logger = provider.GetService<ILoggerFactory>()?.CreateLogger(AuthenticationLogCategory);
        LogtoTokenCache cache = provider.GetRequiredKeyedService<LogtoTokenCache>(name);

        // Checked and resolved when the host started (the validator); these options were never validated otherwise.
        if (provider.GetRequiredService<CheckedOptions<LogtoKiotaClientOptions, ClientCredentialsSettings>>().Resolved(options) is not { } settings)
        {
            return new LogtoKiotaAuthenticationProvider(options, tokenClient, cache, logger);
        }

        if (logger is not null)
        {
            ClientCredentialsAuthenticationProvider.WarnAboutOptions(options, settings, logger);
        }

        return new LogtoKiotaAuthenticationProvider(new ClientCredentialsAuthenticationProvider(settings, tokenClient, cache, logger, registeredSharedCache: null));
    }

    /// <summary>Reads the options with the configuration binder's source generator (no reflection).</summary>
    private static void Bind(IConfiguration section, LogtoKiotaClientOptions options)
    {
        section.Bind(options);
        ClientCredentialsConfiguration.ReadSpaceSeparatedLists(section, options);
    }

    /// <summary><c>UseSharedTokenCache</c>: the application's registered <see cref="IDistributedCache"/> becomes the shared token cache.</summary>
    private static void UseTheRegisteredSharedCache(LogtoKiotaClientOptions options, IServiceProvider services)
    {
        if (options.UseSharedTokenCache && options.SharedTokenCache is null)
        {
            options.SharedTokenCache = services.GetService<IDistributedCache>() ?? throw new InvalidOperationException(
                "LogtoKiotaClientOptions.UseSharedTokenCache is set but no IDistributedCache is registered: register one (for Redis, services.AddStackExchangeRedisCache(...)) or set SharedTokenCache.");
        }
    }

    private static void AllowTheBaseUrlsHost(LogtoKiotaClientOptions options)
    {
        if (options.BaseUrl is { IsAbsoluteUri: true } baseUrl && options.AllowedHosts is { Count: 0 } allowedHosts)
        {
            string host = baseUrl.HostNameType == UriHostNameType.IPv6 ? baseUrl.Host : baseUrl.IdnHost;
            allowedHosts.Add(baseUrl.IsDefaultPort ? host : host + ":" + baseUrl.Port);
        }
    }
}
