using LogtoGenerated.DependencyInjection;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Tests.DependencyInjection;

/// <summary><c>AddLogtoManagementClient</c>: configuration, validation, named clients and the shared token cache.</summary>
public sealed class LogtoServiceCollectionExtensionsTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeLogtoServer.StartAsync();
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        _server.Respond(_ => TokenEndpoint.User());
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IConfiguration Configuration(string prefix, params (string Key, string Value)[] extra) =>
        new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                [prefix + ":Endpoint"] = _server.Endpoint.AbsoluteUri,
                [prefix + ":ClientId"] = TokenEndpoint.ClientId,
                [prefix + ":ClientSecret"] = TokenEndpoint.ClientSecret,
            }.Concat(extra.Select(e => new KeyValuePair<string, string?>(prefix + ":" + e.Key, e.Value)))).Build();

    [Fact]
    public async Task Registers_a_client_from_a_configuration_section_that_calls_Logto()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(Configuration("Logto").GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<LogtoManagementClient>();
        await client.Users["u1"].GetAsync();

        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
        Assert.Equal("Bearer token-1", TokenEndpoint.ApiRequests(_server).Single().Headers["Authorization"]);
    }

    [Fact]
    public async Task Options_are_checked_and_resolved_once_by_the_validator_and_the_factory_uses_what_it_resolved()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(Configuration("Logto").GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();
        LogtoManagementOptions options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<LogtoManagementOptions>>().Get(Microsoft.Extensions.Options.Options.DefaultName);
        var registry = provider.GetRequiredService<LogtoGenerated.DependencyInjection.LogtoClientRegistry>();

        ManagementClientSettings? resolved = registry.Resolved(options);
        await provider.GetRequiredService<LogtoManagementClient>().Users["u1"].GetAsync();

        Assert.NotNull(resolved);
        Assert.Same(resolved, registry.Resolved(options));
        Assert.Equal(_server.Endpoint.AbsoluteUri + "oidc/token", resolved.Credentials!.TokenEndpoint.AbsoluteUri);
    }

    [Fact]
    public void Reads_every_documented_key()
    {
        var services = new ServiceCollection();
        IConfiguration configuration = Configuration(
            "Logto",
            ("TenantId", "abc123"), ("Resource", "https://custom.example/api"), ("Scopes", "all read:x"),
            ("TokenEndpoint", "https://abc123.logto.app/oidc/token"), ("TokenRefreshSkew", "00:05:00"),
            ("AllowedHosts:0", "api.example.com"), ("Retry:MaxRetries", "5"), ("Retry:InitialDelay", "00:00:01"),
            ("Retry:MaxDelay", "00:00:20"), ("MaxConcurrentPageRequests", "2"));
        services.AddLogtoManagementClient(configuration.GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        LogtoManagementOptions options = provider.GetRequiredService<IOptionsMonitor<LogtoManagementOptions>>().Get(Options.DefaultName);

        Assert.Equal("abc123", options.TenantId);
        Assert.Equal(_server.Endpoint, options.Endpoint);
        Assert.Equal("https://custom.example/api", options.Resource);
        Assert.Equal(["all", "read:x"], options.Scopes);
        Assert.Equal(new Uri("https://abc123.logto.app/oidc/token"), options.TokenEndpoint);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TokenRefreshSkew);
        Assert.Equal(["api.example.com"], options.AllowedHosts);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Retry.MaxDelay);
        Assert.Equal(2, options.MaxConcurrentPageRequests);
    }

    [Fact]
    public void A_MaxConcurrentPageRequests_below_1_in_configuration_fails_at_startup_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(Configuration("Logto", ("MaxConcurrentPageRequests", "0"), ("Retry:MaxRetries", "11")).GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LogtoManagementClient>());

        Assert.Contains(e.Failures, f => f.Contains("LogtoManagementOptions.MaxConcurrentPageRequests 0 must be 1 or more", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("LogtoManagementOptions.Retry.MaxRetries 11 must be between 0 (no retries) and 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_option_but_the_code_only_ones_is_read_from_configuration()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(OptionsConfiguration.EveryKey<LogtoManagementOptions>("Logto").GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        LogtoManagementOptions options = OptionsConfiguration.Configured<LogtoManagementOptions>(provider, Options.DefaultName);

        OptionsConfiguration.AssertEveryKeyWasRead(options, new LogtoManagementOptions());
    }

    [Fact]
    public void Blank_configuration_values_count_as_not_set()
    {
        var services = new ServiceCollection();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logto:TenantId"] = "abc123",
            ["Logto:Endpoint"] = "",
            ["Logto:TokenEndpoint"] = "",
            ["Logto:ClientId"] = TokenEndpoint.ClientId,
            ["Logto:ClientSecret"] = TokenEndpoint.ClientSecret,
            ["Logto:TokenRefreshSkew"] = "",
            ["Logto:MaxConcurrentPageRequests"] = "",
            ["Logto:Retry:MaxRetries"] = "",
        }).Build();
        services.AddLogtoManagementClient(configuration.GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();
        LogtoManagementOptions options = provider.GetRequiredService<IOptionsMonitor<LogtoManagementOptions>>().Get(Options.DefaultName);

        ManagementClientSettings? resolved = provider.GetRequiredService<LogtoClientRegistry>().Resolved(options);

        Assert.Null(options.Endpoint);
        Assert.Equal(new Uri("https://abc123.logto.app/oidc/token"), resolved!.Credentials!.TokenEndpoint);
        Assert.Equal(LogtoGenerated.Authentication.LogtoClientCredentialsOptions.DefaultTokenRefreshSkew, options.TokenRefreshSkew);
        Assert.Equal(LogtoManagementOptions.DefaultMaxConcurrentPageRequests, resolved.MaxConcurrentPageRequests);
        Assert.Equal(3, resolved.Retry.MaxRetries);
    }

    [Fact]
    public void Scopes_in_configuration_replace_the_default_all_rather_than_add_to_it()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(Configuration("Logto", ("Scopes:0", "read:x")).GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();
        LogtoManagementOptions options = provider.GetRequiredService<IOptionsMonitor<LogtoManagementOptions>>().Get(Options.DefaultName);

        ManagementClientSettings? resolved = provider.GetRequiredService<LogtoClientRegistry>().Resolved(options);

        Assert.Equal(["read:x"], options.Scopes);
        Assert.Equal(["read:x"], resolved!.Credentials!.Scopes);
    }

    [Fact]
    public void Invalid_configuration_fails_at_resolution_naming_the_option()
    {
        var services = new ServiceCollection();
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logto:Endpoint"] = "http://auth.example.com",
            ["Logto:ClientId"] = "id",
        }).Build();
        services.AddLogtoManagementClient(configuration.GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<LogtoManagementClient>());

        Assert.Contains(e.Failures, f => f.Contains("LogtoManagementOptions.ClientSecret is required", StringComparison.Ordinal));
        Assert.Contains(e.Failures, f => f.Contains("must use https", StringComparison.Ordinal));
    }

    [Fact]
    public void A_malformed_configuration_value_names_its_key()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(Configuration("Logto", ("TokenRefreshSkew", "a minute")).GetSection("Logto"));
        using ServiceProvider provider = services.BuildServiceProvider();

        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<LogtoManagementClient>());

        Assert.Contains("'a minute' at 'Logto:TokenRefreshSkew' to type 'System.TimeSpan'", e.Message);
    }

    [Fact]
    public async Task Clients_of_one_name_share_one_token_cache()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(o =>
        {
            o.Endpoint = _server.Endpoint;
            o.ClientId = TokenEndpoint.ClientId;
            o.ClientSecret = TokenEndpoint.ClientSecret;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        var first = provider.GetRequiredService<LogtoManagementClient>();
        var second = provider.GetRequiredService<LogtoManagementClient>();
        Assert.NotSame(first, second);
        await first.Users["u1"].GetAsync();
        await second.Users["u1"].GetAsync();

        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public void Options_of_a_name_are_resolved_once_for_all_its_clients_and_again_after_they_change()
    {
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(logs);
        services.AddLogtoManagementClient(o =>
        {
            // Valid but probably not meant: logged as a warning when the options are resolved.
            o.TenantId = "abc123";
            o.Endpoint = _server.Endpoint;
            o.ClientId = TokenEndpoint.ClientId;
            o.ClientSecret = TokenEndpoint.ClientSecret;
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        int Warnings() => logs.Events.Count(e => e.Id.Id == 5);

        for (int i = 0; i < 3; i++)
        {
            provider.GetRequiredService<LogtoManagementClient>();
        }

        Assert.Equal(1, Warnings());

        // A configuration reload hands out new options, which are resolved again.
        provider.GetRequiredService<IOptionsMonitorCache<LogtoManagementOptions>>().Clear();
        provider.GetRequiredService<LogtoManagementClient>();

        Assert.Equal(2, Warnings());
    }

    [Fact]
    public async Task Named_clients_live_side_by_side_with_their_own_options_and_caches()
    {
        await using FakeLogtoServer other = await FakeLogtoServer.StartAsync();
        other.On("POST", TokenEndpoint.Path, _ => TokenEndpoint.Success("other-token"));
        other.Respond(_ => TokenEndpoint.User());
        var services = new ServiceCollection();
        services.AddLogtoManagementClient("tenant-a", Configuration("A").GetSection("A"));
        services.AddLogtoManagementClient("tenant-b", o =>
        {
            o.Endpoint = other.Endpoint;
            o.ClientId = "app-b";
            o.ClientSecret = "secret-b";
        });
        using ServiceProvider provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ILogtoManagementClientFactory>();

        await factory.CreateClient("tenant-a").Users["u1"].GetAsync();
        await factory.CreateClient("tenant-b").Users["u1"].GetAsync();
        await factory.CreateClient("tenant-b").Users["u1"].GetAsync();

        Assert.Equal("Bearer token-1", TokenEndpoint.ApiRequests(_server).Single().Headers["Authorization"]);
        Assert.Equal(["Bearer other-token", "Bearer other-token"], TokenEndpoint.ApiRequests(other).Select(r => r.Headers["Authorization"]));
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(other));
        Assert.Equal("app-b:secret-b", TokenEndpoint.DecodeBasic(other.Requests[0].Headers["Authorization"]));
        Assert.Null(provider.GetService<LogtoManagementClient>());
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => factory.CreateClient("tenant-c"));
        Assert.Contains("AddLogtoManagementClient(\"tenant-c\"", e.Message);
    }

    [Fact]
    public async Task The_returned_builder_configures_the_HttpClient_used_for_Logto()
    {
        var services = new ServiceCollection();
        services.AddLogtoManagementClient(Configuration("Logto").GetSection("Logto"))
            .ConfigureHttpClient(http => http.DefaultRequestHeaders.Add("X-Test", "yes"));
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<LogtoManagementClient>().Users["u1"].GetAsync();

        Assert.All(_server.Requests, r => Assert.Equal("yes", r.Headers["X-Test"]));
    }
}
