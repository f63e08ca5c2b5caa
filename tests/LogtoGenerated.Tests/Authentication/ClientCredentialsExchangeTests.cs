using LogtoGenerated.Authentication;
using LogtoGenerated.Tests.Infrastructure;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>The token request on the wire, and how every answer of Logto's token endpoint is understood.</summary>
public sealed class ClientCredentialsExchangeTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sends_the_documented_request_Basic_credentials_and_form_fields()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoAccessToken token = await provider.GetAccessTokenAsync();

        RecordedRequest request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/oidc/token", request.RawTarget);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("my-m2m-app-id:my-m2m-app-secret", TokenEndpoint.DecodeBasic(request.Headers["Authorization"]));
        Assert.Equal("grant_type=client_credentials&resource=https%3A%2F%2Fdefault.logto.app%2Fapi&scope=all", request.BodyText);
        Assert.Equal("token-1", token.Value);
        Assert.Equal(["all"], token.Scopes);
    }

    [Fact]
    public async Task Form_encodes_special_characters_of_id_and_secret_before_Basic_encoding()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        LogtoManagementOptions options = TokenEndpoint.Options(_server);
        options.ClientId = "app:id%+";
        options.ClientSecret = "s:e c%r+t/ü€";
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        await provider.GetAccessTokenAsync();

        // RFC 6749 2.3.1: application/x-www-form-urlencoded (space as '+') of each part, then "id:secret" in Base64.
        string decoded = TokenEndpoint.DecodeBasic(Assert.Single(_server.Requests).Headers["Authorization"]);
        Assert.Equal("app%3Aid%25%2B:s%3Ae+c%25r%2Bt%2F%C3%BC%E2%82%AC", decoded);
    }

    [Fact]
    public async Task Sends_the_configured_resource_and_sorted_scopes_for_an_own_API()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: "read:orders write:orders"));
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = _server.Endpoint,
            ClientId = TokenEndpoint.ClientId,
            ClientSecret = TokenEndpoint.ClientSecret,
            Resource = "https://shopping.api",
            Scopes = { "write:orders", "read:orders", "read:orders" },
        };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        LogtoAccessToken token = await provider.GetAccessTokenAsync();

        Assert.Equal(
            "grant_type=client_credentials&resource=https%3A%2F%2Fshopping.api&scope=read%3Aorders+write%3Aorders",
            Assert.Single(_server.Requests).BodyText);
        Assert.Equal(["read:orders", "write:orders"], token.Scopes);
    }

    [Fact]
    public async Task Omits_scope_when_none_is_requested()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: null));
        LogtoManagementOptions management = TokenEndpoint.Options(_server);
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = management.Endpoint, ClientId = management.ClientId, ClientSecret = management.ClientSecret, Resource = "https://shopping.api",
        };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        await provider.GetAccessTokenAsync();

        Assert.Equal("grant_type=client_credentials&resource=https%3A%2F%2Fshopping.api", Assert.Single(_server.Requests).BodyText);
    }

    [Fact]
    public async Task Management_API_options_without_scopes_ask_for_all()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        LogtoManagementOptions options = TokenEndpoint.Options(_server);
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        await provider.GetAccessTokenAsync();

        Assert.Empty(options.Scopes);
        Assert.Equal("grant_type=client_credentials&resource=https%3A%2F%2Fdefault.logto.app%2Fapi&scope=all", Assert.Single(_server.Requests).BodyText);
    }

    [Fact]
    public async Task Accepts_the_real_token_response_of_recording_01()
    {
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.FromRecording("01-token-basic.txt"));
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoAccessToken token = await provider.GetAccessTokenAsync();

        Assert.StartsWith("eyJ", token.Value, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(3600), token.ExpiresAt - token.IssuedAt);
        // The default skew, one minute: refreshed in the background from a minute before expiry, used until 30 s before.
        Assert.Equal(TimeSpan.FromSeconds(30), token.ExpiresAt - token.RefreshAt);
        Assert.DoesNotContain(token.Value, token.ToString());
    }

    public static TheoryData<string, int, string?, string, string> ErrorRecordings => new()
    {
        { "10-token-wrong-secret.txt", 401, "invalid_client", "oidc.invalid_client", "client secret is wrong" },
        { "10b-token-expired-secret.txt", 400, "invalid_request", "oidc.invalid_request", "has expired: create a new App secret" },
        { "11-token-unknown-client.txt", 400, "invalid_client", "oidc.invalid_client", "does not know the client id" },
        { "12-token-missing-resource.txt", 400, "invalid_target", "oidc.invalid_target", "does not know the resource" },
        { "13-token-unknown-resource.txt", 400, "invalid_target", "oidc.invalid_target", "API identifier" },
        { "15b-token-client-secret-post-wrong.txt", 401, "invalid_client", "oidc.invalid_client", "client secret is wrong" },
        { "16-token-no-auth.txt", 400, "invalid_request", "oidc.invalid_request", "Check Endpoint (or TenantId), ClientId, ClientSecret and Resource" },
        { "17-token-bad-grant.txt", 400, "unsupported_grant_type", "oidc.unsupported_grant_type", "use a machine-to-machine application" },
        { "19-token-basic-and-post.txt", 400, "invalid_request", "oidc.invalid_request", "Check Endpoint" },
    };

    [Theory]
    [MemberData(nameof(ErrorRecordings))]
    public async Task Maps_each_recorded_token_error_to_LogtoTokenException_with_advice(
        string recording, int status, string? error, string code, string advice)
    {
        WireRecording wire = WireRecording.Load(recording);
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.FromRecording(wire));
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(error, e.Error);
        Assert.Equal(code, e.Code);
        Assert.NotNull(e.ErrorDescription);
        Assert.Contains(e.ErrorDescription!, e.Message);
        Assert.Contains(advice, e.Message);
        Assert.Equal(wire.Headers.Single(h => h.Key == "Logto-Core-Request-Id").Value, e.RequestId);
        Assert.Contains(e.RequestId!, e.Message);
        Assert.Equal("my-m2m-app-id", e.ClientId);
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, e.Message);
    }

    [Theory]
    [InlineData("13b-token-existing-resource-not-granted.txt")]
    [InlineData("14-token-scope-not-granted.txt")]
    [InlineData("14c-token-no-scope.txt")]
    public async Task A_token_without_the_requested_scope_is_refused_with_how_to_grant_it(string recording)
    {
        // Logto answers 200 and simply leaves "scope" out when it grants nothing.
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.FromRecording(recording));
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Equal(200, e.StatusCode);
        Assert.Equal(["all"], e.MissingScopes);
        Assert.Contains("without the scope 'all'", e.Message);
        Assert.Contains("\"Logto Management API access\" role", e.Message);
        Assert.DoesNotContain("eyJ", e.Message);
    }

    [Fact]
    public async Task Names_only_the_missing_scope_when_some_were_granted()
    {
        // Recording 14b: scope=all read:foo was answered with "scope":"all".
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.FromRecording("14b-token-scope-mixed.txt"));
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = _server.Endpoint, ClientId = TokenEndpoint.ClientId, ClientSecret = TokenEndpoint.ClientSecret,
            Resource = "https://shopping.api", Scopes = { "all", "read:foo" },
        };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Equal(["read:foo"], e.MissingScopes);
        Assert.Contains("without the scope 'read:foo'", e.Message);
        Assert.Contains("Roles > Create role", e.Message);
    }

    public static TheoryData<string, string, string> MalformedResponses => new()
    {
        { "{\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"all\"}", "application/json", "no usable access_token" },
        { "{\"access_token\":\"\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"all\"}", "application/json", "no usable access_token" },
        { "{\"access_token\":\"tok en\",\"expires_in\":3600,\"token_type\":\"Bearer\",\"scope\":\"all\"}", "application/json", "no usable access_token" },
        { "{\"access_token\":\"secret-token-value\",\"expires_in\":-5,\"token_type\":\"Bearer\",\"scope\":\"all\"}", "application/json", "invalid expires_in" },
        { "{\"access_token\":\"secret-token-value\",\"expires_in\":\"soon\",\"token_type\":\"Bearer\",\"scope\":\"all\"}", "application/json", "invalid expires_in" },
        { "{\"access_token\":\"secret-token-value\",\"token_type\":\"Bearer\",\"scope\":\"all\"}", "application/json", "missing or invalid expires_in" },
        { "{\"access_token\":\"secret-token-value\",\"expires_in\":3600,\"token_type\":\"mac\",\"scope\":\"all\"}", "application/json", "token_type \"mac\"" },
        { "{\"access_token\":\"secret-token-value\",\"expires_in\":3600,\"scope\":\"all\"}", "application/json", "no token_type" },
        { "<html>secret-token-value</html>", "text/html", "not JSON" },
        { "[\"secret-token-value\"]", "application/json", "not an object" },
        { "", "application/json", "an empty body" },
        { "  ", "application/json", "not JSON" },
        { "{\"access_token\":\"secret-token-value\",\"expires_in\":3600,\"token_type\":\"Bearer\"} trailing", "application/json", "not JSON" },
        { "{\"access_token\":\"secret-token-value\",\"expires_in\":3600,\"token_type\":\"Bearer\"", "application/json", "not JSON" },
        { "[\"secret-token-value\",", "application/json", "not JSON" },
        { "{\"access_token\":{\"value\":\"secret-token-value\"},\"expires_in\":3600,\"token_type\":\"Bearer\"}", "application/json", "no usable access_token" },
    };

    [Fact]
    public async Task A_token_response_is_read_past_members_it_does_not_know_nested_ones_included()
    {
        // Members before and after the ones read, objects and arrays among them; expires_in as a string of a number;
        // a member that appears twice counts the last time.
        const string Body = """
            {"id_token_hint":{"a":[1,{"b":null}],"access_token":"not-this"},"access_token":"first",
             "expires_in":"3600","token_type":"bearer","extra":[["x"]],"access_token":"TOKEN-VALUE","scope":"all"}
            """;
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.Text(200, Body, "application/json"));
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoAccessToken token = await provider.GetAccessTokenAsync();

        Assert.Equal("TOKEN-VALUE", token.Value);
        Assert.Equal(TimeSpan.FromHours(1), token.ExpiresAt - token.IssuedAt);
        Assert.Equal(["all"], token.Scopes);
    }

    [Theory]
    [MemberData(nameof(MalformedResponses))]
    public async Task A_malformed_success_response_gets_a_clear_error_that_never_quotes_it(string body, string contentType, string expected)
    {
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.Text(200, body, contentType));
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Contains(expected, e.Message);
        Assert.Equal(200, e.StatusCode);
        Assert.DoesNotContain("secret-token-value", e.ToString());
    }

    [Fact]
    public async Task A_non_JSON_error_page_still_gives_status_and_advice()
    {
        _server.On("POST", TokenEndpoint.Path, _ => FakeResponse.Text(502, "<html>Bad gateway</html>", "text/html"));
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Equal(502, e.StatusCode);
        Assert.Null(e.Error);
        Assert.Contains("refused the client-credentials request with 502", e.Message);
        Assert.Contains("try again later", e.Message);
    }

    [Fact]
    public async Task An_unreachable_token_endpoint_becomes_LogtoTokenException_with_the_cause()
    {
        Uri closed = await ClosedPortAsync();
        var options = new LogtoManagementOptions { Endpoint = closed, ClientId = "id", ClientSecret = "secret" };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());

        Assert.Null(e.StatusCode);
        Assert.IsType<HttpRequestException>(e.InnerException);
        Assert.Contains("Could not reach Logto's token endpoint " + closed.GetLeftPart(UriPartial.Authority) + "/oidc/token", e.Message);
    }

    internal static async Task<Uri> ClosedPortAsync()
    {
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();
        return server.Endpoint;
    }
}
