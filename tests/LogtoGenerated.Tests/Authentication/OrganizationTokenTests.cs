using LogtoGenerated.Authentication;
using LogtoGenerated.Tests.Infrastructure;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>
/// Organization tokens for M2M apps: <see cref="LogtoClientCredentialsOptions.OrganizationId"/> is sent as
/// <c>organization_id</c>, with or without a resource, and tokens are cached apart per organization. The real token
/// endpoint's answers are covered by the live tests.
/// </summary>
public sealed class OrganizationTokenTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private LogtoClientCredentialsOptions Options(string? organizationId, string? resource = null, params string[] scopes) => new()
    {
        Endpoint = _server.Endpoint,
        ClientId = TokenEndpoint.ClientId,
        ClientSecret = TokenEndpoint.ClientSecret,
        OrganizationId = organizationId,
        Resource = resource,
        Scopes = scopes.ToList(),
    };

    [Fact]
    public async Task An_organization_token_sends_organization_id_and_no_resource_and_the_token_names_its_organization()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: "read:reports"));
        var provider = new ClientCredentialsAuthenticationProvider(Options("org1", null, "read:reports"), new HttpClient());

        LogtoAccessToken token = await provider.GetAccessTokenAsync();

        Assert.Equal("grant_type=client_credentials&organization_id=org1&scope=read%3Areports", Assert.Single(_server.Requests).BodyText);
        Assert.Equal("org1", token.OrganizationId);
        Assert.Equal("urn:logto:organization:org1", provider.Resource);
        Assert.Contains("organization org1", token.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_level_API_resource_token_sends_both_resource_and_organization_id()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: "read:orders"));
        var provider = new ClientCredentialsAuthenticationProvider(Options("org1", "https://shopping.api", "read:orders"), new HttpClient());

        LogtoAccessToken token = await provider.GetAccessTokenAsync();

        Assert.Equal(
            "grant_type=client_credentials&resource=https%3A%2F%2Fshopping.api&organization_id=org1&scope=read%3Aorders",
            Assert.Single(_server.Requests).BodyText);
        Assert.Equal("org1", token.OrganizationId);
        Assert.Equal("https://shopping.api", provider.Resource);
    }

    [Fact]
    public async Task Tokens_of_two_organizations_are_cached_apart_in_one_cache_and_each_is_reused()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: null));
        var cache = new LogtoTokenCache();
        var first = new ClientCredentialsAuthenticationProvider(Options("org1"), new HttpClient(), cache);
        var second = new ClientCredentialsAuthenticationProvider(Options("org2"), new HttpClient(), cache);

        LogtoAccessToken one = await first.GetAccessTokenAsync();
        LogtoAccessToken two = await second.GetAccessTokenAsync();

        Assert.NotEqual(one.Value, two.Value);
        Assert.Same(one, await new ClientCredentialsAuthenticationProvider(Options("org1"), new HttpClient(), cache).GetAccessTokenAsync());
        Assert.Same(two, await second.GetAccessTokenAsync());
        Assert.Equal(2, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task An_app_that_is_not_in_the_organization_gets_an_exception_that_says_so_and_how_to_add_it()
    {
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.Json(403, """{"code":"oidc.access_denied","message":"Access denied.","error":"access_denied","error_description":"app has not associated with the organization"}"""));
        var provider = new ClientCredentialsAuthenticationProvider(Options("org9"), new HttpClient());

        var error = await Assert.ThrowsAsync<LogtoTokenException>(async () => await provider.GetAccessTokenAsync());

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("access_denied", error.Error);
        Assert.Equal("org9", error.OrganizationId);
        Assert.Contains("is not a member of the organization org9", error.Message, StringComparison.Ordinal);
        Assert.Contains("Machine-to-machine apps", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_resource_or_an_organization_the_options_say_that_either_is_needed()
    {
        var error = Assert.Throws<ArgumentException>(() => new ClientCredentialsAuthenticationProvider(Options(null), new HttpClient()));

        Assert.Contains("Resource is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("or set OrganizationId for an organization token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Management_API_options_refuse_an_organization_id()
    {
        LogtoManagementOptions options = TokenEndpoint.Options(_server);
        options.OrganizationId = "org1";

        var error = Assert.Throws<ArgumentException>(() => new ClientCredentialsAuthenticationProvider(options, new HttpClient()));

        Assert.Contains("LogtoManagementOptions.OrganizationId must not be set: the Management API takes no organization tokens", error.Message, StringComparison.Ordinal);
    }
}
