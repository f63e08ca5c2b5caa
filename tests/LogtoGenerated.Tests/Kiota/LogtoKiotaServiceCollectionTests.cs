using LogtoGenerated.Authentication;
using LogtoGenerated.Kiota;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.Kiota.Shop.Client;
using LogtoGenerated.Authentication.Configuration;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Tests.Kiota;

/// <summary><c>AddLogtoKiotaClient</c>: a named Kiota client, with its token cache, its handlers and its options, in one call.</summary>
public sealed class LogtoKiotaServiceCollectionTests : IAsyncLifetime
{
    private readonly ShopApi _shop = new();

    public Task InitializeAsync() => _shop.InitializeAsync();

    public Task DisposeAsync() => _shop.DisposeAsync();

    [Fact]
    public async Task Clients_of_one_name_share_one_token_and_send_it_to_the_base_URL()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        using ServiceProvider services = Register();

        ShopClient first = services.GetRequiredKeyedService<ShopClient>("shop");
        ShopClient second = services.GetRequiredKeyedService<ShopClient>("shop");
        await Task.WhenAll(first.Orders["o1"].GetAsync(), second.Orders["o2"].GetAsync());

        Assert.NotSame(first, second);
        Assert.Single(_shop.TokenRequests);
        Assert.Equal(["/orders/o1", "/orders/o2"], _shop.Api.Requests.Select(r => r.Path).Order());
        Assert.All(_shop.Api.Requests, r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
        Assert.Equal(1, services.GetRequiredKeyedService<LogtoTokenCache>("shop").Count);
    }

    [Fact]
    public async Task The_registered_client_refreshes_a_refused_token_and_replays_once()
    {
        _shop.Api.Respond(FakeResponse.InTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), FakeResponse.Json(200, ShopApi.OrderJson)));
        using ServiceProvider services = Register();

        await services.GetRequiredKeyedService<ShopClient>("shop").Orders["o1"].GetAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2"], _shop.Api.Requests.Select(r => r.Headers["Authorization"]));
        Assert.Equal(2, _shop.TokenRequests.Count);
    }

    [Fact]
    public async Task Without_AllowedHosts_the_base_URLs_host_is_the_one_API_host_that_gets_the_token()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        using ServiceProvider services = Register(options => options.AllowedHosts.Clear());

        await services.GetRequiredKeyedService<ShopClient>("shop").Orders["o1"].GetAsync();

        Assert.Equal([_shop.ApiHost], services.GetRequiredService<IOptionsMonitor<LogtoKiotaClientOptions>>().Get("shop").AllowedHosts);
        Assert.Equal("Bearer token-1", Assert.Single(_shop.Api.Requests).Headers["Authorization"]);
    }

    [Fact]
    public void Invalid_options_fail_at_startup_with_the_clients_name_and_each_bad_option()
    {
        var collection = new ServiceCollection();
        collection.AddLogtoKiotaClient("shop", options =>
        {
            options.Endpoint = _shop.Logto.Endpoint;
            options.ClientId = TokenEndpoint.ClientId;
            options.BaseUrl = new Uri("/relative", UriKind.Relative);
        }, adapter => new ShopClient(adapter));
        using ServiceProvider services = collection.BuildServiceProvider();

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Logto Kiota client 'shop'", e.Message, StringComparison.Ordinal);
        Assert.Contains("LogtoKiotaClientOptions.ClientSecret is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("LogtoKiotaClientOptions.Resource is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("LogtoKiotaClientOptions.BaseUrl '/relative' must be an absolute http(s) URI", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_base_url_off_loopback_fails_at_startup_saying_requests_would_go_without_a_token()
    {
        var collection = new ServiceCollection();
        Configure(collection, "shop", options => options.BaseUrl = new Uri("http://api.shopping.example"));
        using ServiceProvider services = collection.BuildServiceProvider();

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(
            "LogtoKiotaClientOptions.BaseUrl 'http://api.shopping.example/' uses plain http to a host that is not localhost, 127.0.0.1 or [::1]: Logto access tokens are sent over https only, so every request would go without one. Use https.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_base_url_on_loopback_is_accepted()
    {
        var collection = new ServiceCollection();
        Configure(collection, "shop", options => options.BaseUrl = new Uri("http://127.0.0.1:5080"));
        using ServiceProvider services = collection.BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Two_names_are_two_clients_with_their_own_options_and_caches()
    {
        var collection = new ServiceCollection();
        Configure(collection, "eu", _ => { });
        Configure(collection, "us", options => options.Scopes = ["write:orders"]);
        using ServiceProvider services = collection.BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.NotSame(services.GetRequiredKeyedService<LogtoTokenCache>("eu"), services.GetRequiredKeyedService<LogtoTokenCache>("us"));
        Assert.Contains("scopes 'read:orders'", services.GetRequiredKeyedService<LogtoKiotaAuthenticationProvider>("eu").ToString(), StringComparison.Ordinal);
        Assert.Contains("scopes 'write:orders'", services.GetRequiredKeyedService<LogtoKiotaAuthenticationProvider>("us").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSharedTokenCache_shares_tokens_through_the_registered_distributed_cache()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        var shared = new Microsoft.Extensions.Caching.Distributed.MemoryDistributedCache(Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));
        using ServiceProvider first = Register(options => options.UseSharedTokenCache = true, shared);
        using ServiceProvider second = Register(options => options.UseSharedTokenCache = true, shared);

        await first.GetRequiredKeyedService<ShopClient>("shop").Orders["o1"].GetAsync();
        await second.GetRequiredKeyedService<ShopClient>("shop").Orders["o2"].GetAsync();

        // Two applications' service providers (two processes), one token: the second found the first's in the shared cache.
        Assert.Single(_shop.TokenRequests);
        Assert.All(_shop.Api.Requests, r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
    }

    [Fact]
    public void UseSharedTokenCache_without_a_registered_distributed_cache_fails_at_startup_saying_what_to_register()
    {
        var exception = Assert.ThrowsAny<Exception>(() => Register(options => options.UseSharedTokenCache = true));

        Assert.Contains("no IDistributedCache is registered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_configured_from_a_section_calls_the_API_with_its_token_and_space_separated_scopes()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Shop:Endpoint"] = _shop.Logto.Endpoint.AbsoluteUri,
            ["Shop:ClientId"] = TokenEndpoint.ClientId,
            ["Shop:ClientSecret"] = TokenEndpoint.ClientSecret,
            ["Shop:Resource"] = ShopApi.Resource,
            ["Shop:Scopes"] = ShopApi.Scope + " " + ShopApi.Scope,
            ["Shop:BaseUrl"] = _shop.Api.Endpoint.AbsoluteUri,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogtoKiotaClient("shop", configuration.GetSection("Shop"), adapter => new ShopClient(adapter));
        using ServiceProvider services = collection.BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();

        await services.GetRequiredKeyedService<ShopClient>("shop").Orders["o1"].GetAsync();

        Assert.Equal("Bearer token-1", Assert.Single(_shop.Api.Requests).Headers["Authorization"]);
        Assert.Equal([ShopApi.Scope, ShopApi.Scope], services.GetRequiredService<IOptionsMonitor<LogtoKiotaClientOptions>>().Get("shop").Scopes);
        Assert.Contains("scope=" + Uri.EscapeDataString(ShopApi.Scope), Assert.Single(_shop.TokenRequests).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_option_but_the_code_only_ones_is_read_from_configuration()
    {
        var collection = new ServiceCollection();
        collection.AddLogtoKiotaClient("shop", OptionsConfiguration.EveryKey<LogtoKiotaClientOptions>("Shop").GetSection("Shop"), adapter => new ShopClient(adapter));
        using ServiceProvider services = collection.BuildServiceProvider();

        LogtoKiotaClientOptions options = OptionsConfiguration.Configured<LogtoKiotaClientOptions>(services, "shop");

        OptionsConfiguration.AssertEveryKeyWasRead(options, new LogtoKiotaClientOptions());
    }

    [Fact]
    public async Task Options_are_checked_once_at_startup_and_every_client_is_built_from_what_the_check_resolved()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        using ServiceProvider services = Register();
        LogtoKiotaClientOptions options = services.GetRequiredService<IOptionsMonitor<LogtoKiotaClientOptions>>().Get("shop");
        ClientCredentialsSettings? resolved = services.GetRequiredService<CheckedOptions<LogtoKiotaClientOptions, ClientCredentialsSettings>>().Resolved(options);

        // Changing the options object after the check changes nothing: the clients use what was resolved then.
        options.ClientSecret = "changed-after-startup";
        await services.GetRequiredKeyedService<ShopClient>("shop").Orders["o1"].GetAsync();

        Assert.NotNull(resolved);
        Assert.Equal(TokenEndpoint.ClientId + ":" + TokenEndpoint.ClientSecret, TokenEndpoint.DecodeBasic(Assert.Single(_shop.TokenRequests).Headers["Authorization"]));
    }

    private ServiceProvider Register(Action<LogtoKiotaClientOptions>? more = null, Microsoft.Extensions.Caching.Distributed.IDistributedCache? sharedCache = null)
    {
        var collection = new ServiceCollection();
        if (sharedCache is not null)
        {
            collection.AddSingleton(sharedCache);
        }

        Configure(collection, "shop", more ?? (_ => { }));
        ServiceProvider services = collection.BuildServiceProvider();
        services.GetRequiredService<IStartupValidator>().Validate();
        return services;
    }

    private void Configure(IServiceCollection services, string name, Action<LogtoKiotaClientOptions> more) =>
        services.AddLogtoKiotaClient(name, options =>
        {
            options.Endpoint = _shop.Logto.Endpoint;
            options.ClientId = TokenEndpoint.ClientId;
            options.ClientSecret = TokenEndpoint.ClientSecret;
            options.Resource = ShopApi.Resource;
            options.Scopes.Add(ShopApi.Scope);
            options.AllowedHosts.Add(_shop.ApiHost);
            options.BaseUrl = _shop.Api.Endpoint;
            more(options);
        }, adapter => new ShopClient(adapter));
}
