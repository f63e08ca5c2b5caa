using LogtoGenerated.Authentication;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>
/// Both authentication providers apply one rule to the same URIs: a token goes only to the allowed hosts (exact port
/// when the entry gives one), only over https, except to localhost, 127.0.0.1 and [::1].
/// </summary>
public sealed class AllowedHostRuleTests
{
    private const string Token = "eyJhbGciOiJFUzM4NCJ9.payload.sig";

    // The client-credentials provider allows its endpoint (https://auth.example.com: that host, port 443) and its
    // AllowedHosts; the bearer provider gets the same set as one list.
    private static readonly Uri Endpoint = new("https://auth.example.com");
    private static readonly string[] MoreHosts = ["api.example.com", "api2.example.com:8443", "192.168.1.10", "localhost", "127.0.0.1:3001", "[::1]"];
    private static readonly string[] AllHosts = ["auth.example.com:443", .. MoreHosts];

    public static TheoryData<string, bool> Uris => new()
    {
        { "https://auth.example.com/api/users", true },
        { "https://AUTH.example.com/api/users", true },
        { "https://auth.example.com:8443/api/users", false },
        { "http://auth.example.com/api/users", false },
        { "https://api.example.com/orders", true },
        { "https://api.example.com:9443/orders", true },
        { "http://api.example.com/orders", false },
        { "https://api2.example.com:8443/orders", true },
        { "https://api2.example.com/orders", false },
        { "https://192.168.1.10/orders", true },
        { "http://192.168.1.10/orders", false },
        { "https://evil.example/api/users", false },
        { "https://api.example.com.evil.example/orders", false },
        { "https://sub.api.example.com/orders", false },
        { "http://localhost:5000/orders", true },
        { "http://LOCALHOST/orders", true },
        { "http://127.0.0.1:3001/orders", true },
        { "http://127.0.0.1:3002/orders", false },
        { "http://127.0.0.2:3001/orders", false },
        { "http://[::1]:8080/orders", true },
        { "ftp://api.example.com/orders", false },
    };

    [Theory]
    [InlineData("http://api.example.com/orders", "Not sending the Logto access token to http://api.example.com: it is plain http to a host that is not localhost, 127.0.0.1 or [::1] (the token goes over https only).")]
    [InlineData("https://evil.example/orders", "Not sending the Logto access token to https://evil.example: it is not an allowed host.")]
    public void A_refusal_is_logged_at_Debug_with_its_reason(string url, string message)
    {
        LogtoAllowedHosts hosts = LogtoAllowedHosts.Create([Endpoint], MoreHosts);
        var logs = new LogtoGenerated.Tests.TestSupport.CollectingLoggerProvider();

        Assert.False(hosts.Allows(new Uri(url), logs.CreateLogger("test")));

        (Microsoft.Extensions.Logging.LogLevel level, _, string text) = Assert.Single(logs.Events);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, level);
        Assert.StartsWith(message, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Uris))]
    public async Task The_bearer_provider_attaches_its_token_only_where_the_rule_allows(string url, bool allowed)
    {
        var provider = new BearerTokenAuthenticationProvider(Token, AllHosts);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        await provider.AuthenticateRequestAsync(request, CancellationToken.None);

        Assert.Equal(allowed, request.Headers.Authorization is not null);
    }

    [Theory]
    [MemberData(nameof(Uris))]
    public async Task The_client_credentials_provider_attaches_its_token_only_where_the_rule_allows(string url, bool allowed)
    {
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = Endpoint, ClientId = "id", ClientSecret = "secret", Resource = "https://shopping.api",
        };
        foreach (string host in MoreHosts)
        {
            options.AllowedHosts.Add(host);
        }

        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient(new NoNetwork()));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        Exception? attempted = await Record.ExceptionAsync(() => provider.AuthenticateRequestAsync(request, CancellationToken.None).AsTask());

        // An allowed request asks for a token (which this handler refuses to fetch); a refused one is left alone.
        Assert.Equal(allowed, attempted is LogtoTokenException);
    }

    [Theory]
    [InlineData("https://api.example.com")]
    [InlineData("api.example.com/orders")]
    [InlineData(" ")]
    public void Both_providers_refuse_an_allowed_host_that_is_not_a_host_name(string host)
    {
        Assert.Throws<ArgumentException>(() => new BearerTokenAuthenticationProvider(Token, [host]));
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = Endpoint, ClientId = "id", ClientSecret = "secret", Resource = "https://shopping.api", AllowedHosts = { host },
        };
        ArgumentException e = Assert.Throws<ArgumentException>(() => new ClientCredentialsAuthenticationProvider(options, new HttpClient()));
        Assert.Contains("AllowedHosts", e.Message, StringComparison.Ordinal);
    }

    private sealed class NoNetwork : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("no network in this test");
    }
}
