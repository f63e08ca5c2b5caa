using LogtoGenerated.Authentication;

namespace LogtoGenerated.Tests.Authentication;

public class BearerTokenAuthenticationProviderTests
{
    private const string Token = "eyJhbGciOiJFUzM4NCJ9.secret-payload.sig";

    [Fact]
    public async Task Sets_Authorization_Bearer_header()
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://tenant.logto.app/api/users");

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Equal("Bearer " + Token, request.Headers.Authorization!.ToString());
    }

    [Fact]
    public async Task Replaces_an_existing_Authorization_header()
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://tenant.logto.app/api/users");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic old");

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Equal("Bearer " + Token, Assert.Single(request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public void ToString_never_shows_the_token()
    {
        string text = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app"]).ToString();

        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain("secret-payload", text);
        Assert.Contains("token hidden", text);
        Assert.Contains("tenant.logto.app", text);
        Assert.DoesNotContain(Token, new BearerTokenAuthenticationProvider(Token).ToString());
    }

    [Theory]
    [InlineData("https://tenant.logto.app/api/users", true)]
    [InlineData("https://TENANT.logto.app:8443/api/users", true)]
    [InlineData("http://127.0.0.1:3001/api/users", true)]
    [InlineData("https://evil.example/api/users", false)]
    [InlineData("https://tenant.logto.app.evil.example/api/users", false)]
    [InlineData("https://sub.tenant.logto.app/api/users", false)]
    public async Task Authenticates_only_requests_to_allowed_hosts(string url, bool expected)
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app", "127.0.0.1"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Equal(expected, request.Headers.Authorization is not null);
    }

    [Theory]
    [InlineData("http://tenant.logto.app/api/users")]
    [InlineData("http://tenant.logto.app:8080/api/users")]
    public async Task Refuses_to_send_the_token_over_plain_http_to_an_allowed_host_off_loopback(string url)
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public async Task Refuses_to_send_the_token_to_a_host_that_is_not_allowed()
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://other.example/api/users");

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public async Task Without_allowed_hosts_and_outside_a_client_sends_the_token_nowhere()
    {
        var provider = new BearerTokenAuthenticationProvider(Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://anything.example/");

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Null(request.Headers.Authorization);
    }

    [Theory]
    [InlineData("https://tenant.logto.app/api/users", true)]
    [InlineData("https://tenant.logto.app:8443/api/users", false)]
    [InlineData("http://tenant.logto.app/api/users", false)]
    [InlineData("https://anything.example/api/users", false)]
    public async Task Without_allowed_hosts_a_client_allows_only_its_endpoints_host_and_port(string url, bool expected)
    {
        IAuthenticationProvider bound = ((IEndpointBoundAuthentication)new BearerTokenAuthenticationProvider(Token))
            .ForEndpoint(new Uri("https://tenant.logto.app"));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await bound.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Equal(expected, request.Headers.Authorization is not null);
    }

    [Fact]
    public void With_allowed_hosts_a_client_keeps_them()
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["api.example.com"]);

        Assert.Same(provider, ((IEndpointBoundAuthentication)provider).ForEndpoint(new Uri("https://tenant.logto.app")));
    }

    [Fact]
    public async Task With_allowed_hosts_a_request_without_uri_is_not_authenticated()
    {
        var provider = new BearerTokenAuthenticationProvider(Token, ["tenant.logto.app"]);
        using var request = new HttpRequestMessage();

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Null(request.Headers.Authorization);
    }

    [Fact]
    public void Rejects_a_null_token()
    {
        Assert.Equal("accessToken", Assert.Throws<ArgumentNullException>(() => new BearerTokenAuthenticationProvider(null!)).ParamName);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("   ", "must not be empty")]
    [InlineData("Bearer abc", "without the 'Bearer ' prefix")]
    [InlineData("abc\r\nX-Injected: 1", "whitespace or control characters")]
    public void Rejects_a_malformed_token_without_echoing_it(string token, string expected)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new BearerTokenAuthenticationProvider(token));

        Assert.Equal("accessToken", e.ParamName);
        Assert.Contains(expected, e.Message);
        if (token.Trim().Length > 0)
        {
            Assert.DoesNotContain(token.Trim(), e.Message);
        }
    }

    [Fact]
    public void Rejects_empty_allowed_hosts()
    {
        ArgumentException empty = Assert.Throws<ArgumentException>(() => new BearerTokenAuthenticationProvider(Token, []));
        Assert.Equal("allowedHosts", empty.ParamName);
        Assert.Contains("at least one allowed host", empty.Message);

        ArgumentException blank = Assert.Throws<ArgumentException>(() => new BearerTokenAuthenticationProvider(Token, ["a", " "]));
        Assert.Equal("allowedHosts", blank.ParamName);
    }

    [Fact]
    public async Task Anonymous_provider_adds_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://tenant.logto.app/api/users");

        await AnonymousAuthenticationProvider.Instance.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Empty(request.Headers);
        Assert.Same(AnonymousAuthenticationProvider.Instance, AnonymousAuthenticationProvider.Instance);
    }
}
