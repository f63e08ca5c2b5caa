using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using LogtoGenerated.Authentication;
using LogtoGenerated.Diagnostics;
using LogtoGenerated.Http;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Authentication;

/// <summary>Where the token goes, what happens on a 401, option checks, secrets, logs, traces and metrics.</summary>
public sealed class ClientCredentialsProviderTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_401_discards_the_token_fetches_a_new_one_and_replays_the_request_once()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        _server.Respond(FakeResponse.InTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), TokenEndpoint.User()));
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server), new HttpClient());

        var user = await client.Users["u1"].GetAsync();

        Assert.False(string.IsNullOrEmpty(user.Id));
        Assert.Equal(2, TokenEndpoint.CountTokenRequests(_server));
        Assert.Equal(["Bearer token-1", "Bearer token-2"], TokenEndpoint.ApiRequests(_server).Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_second_401_surfaces_as_LogtoApiException_after_exactly_one_replay()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        _server.RespondWithRecording("21-api-garbage-token.txt");
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server), new HttpClient());

        LogtoApiException e = await Assert.ThrowsAsync<LogtoApiException>(() => client.Users["u1"].GetAsync());

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("auth.unauthorized", e.Code);
        Assert.Equal(2, TokenEndpoint.ApiRequests(_server).Count);
        Assert.Equal(2, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task A_401_replays_a_JSON_body_byte_for_byte()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        _server.Respond(FakeResponse.InTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), TokenEndpoint.User()));
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server), new HttpClient());

        await client.Users.PostAsync(new LogtoGenerated.Models.CreateUserRequest { Username = "ada" });

        IReadOnlyList<RecordedRequest> posts = TokenEndpoint.ApiRequests(_server);
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].BodyText, posts[1].BodyText);
        Assert.Contains("\"username\":\"ada\"", posts[1].BodyText);
    }

    [Fact]
    public async Task The_token_goes_only_to_the_Logto_host()
    {
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());
        var port = _server.Endpoint.Port;

        foreach (string url in new[]
        {
            "https://evil.example/api/users", $"http://127.0.0.1:{port + 1}/api/users", $"http://localhost:{port}/api/users",
            $"https://127.0.0.1.evil.example:{port}/api/users",
        })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            await provider.AuthenticateRequestAsync(request, CancellationToken.None);
            Assert.Null(request.Headers.Authorization);
        }

        using var logto = new HttpRequestMessage(HttpMethod.Get, new Uri(_server.Endpoint, "/api/users"));
        await provider.AuthenticateRequestAsync(logto, CancellationToken.None);
        Assert.Equal("Bearer token-1", logto.Headers.Authorization!.ToString());
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(_server));
    }

    [Fact]
    public async Task A_redirect_to_another_host_never_carries_the_token()
    {
        await using FakeLogtoServer other = await FakeLogtoServer.StartAsync();
        other.RespondWith(TokenEndpoint.User());
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        _server.Respond(_ => FakeResponse.Empty(302).WithHeader("Location", new Uri(other.Endpoint, "/api/users/u1").AbsoluteUri));
        LogtoManagementClient client = LogtoManagementClient.Create(TokenEndpoint.Options(_server), new HttpClient());

        await client.Users["u1"].GetAsync();

        Assert.Equal("Bearer token-1", TokenEndpoint.ApiRequests(_server).Single().Headers["Authorization"]);
        RecordedRequest redirected = Assert.Single(other.Requests);
        Assert.False(redirected.Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData("http://auth.example.com")]
    [InlineData("http://192.168.1.10:3001")]
    public void A_plain_http_token_endpoint_off_loopback_is_refused_at_construction(string endpoint)
    {
        var options = new LogtoManagementOptions { Endpoint = new Uri(endpoint), ClientId = "id", ClientSecret = "secret" };

        ArgumentException e = Assert.Throws<ArgumentException>(() => LogtoManagementClient.Create(options));

        Assert.Contains("must use https", e.Message);
        Assert.Contains("only for localhost/127.0.0.1", e.Message);
    }

    [Theory]
    [InlineData("http://localhost:3001")]
    [InlineData("http://127.0.0.1:3001")]
    [InlineData("http://[::1]:3001")]
    public void Plain_http_is_allowed_on_loopback_for_local_development(string endpoint)
    {
        var options = new LogtoManagementOptions { Endpoint = new Uri(endpoint), ClientId = "id", ClientSecret = "secret" };

        LogtoManagementClient client = LogtoManagementClient.Create(options);

        Assert.Equal(new Uri(endpoint), client.RequestAdapter.Endpoint);
    }

    [Fact]
    public void Logto_Cloud_defaults_come_from_the_tenant_id()
    {
        var options = new LogtoManagementOptions { TenantId = "abc123", ClientId = "id", ClientSecret = "secret" };

        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        Assert.Equal(new Uri("https://abc123.logto.app/oidc/token"), provider.TokenEndpoint);
        Assert.Equal("https://abc123.logto.app/api", provider.Resource);
        Assert.Equal(new Uri("https://abc123.logto.app"), LogtoManagementClient.Create(options).RequestAdapter.Endpoint);
    }

    [Fact]
    public void Self_hosted_defaults_to_the_default_tenant_resource()
    {
        var options = new LogtoManagementOptions { Endpoint = new Uri("https://auth.example.com/"), ClientId = "id", ClientSecret = "secret" };

        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        Assert.Equal(new Uri("https://auth.example.com/oidc/token"), provider.TokenEndpoint);
        Assert.Equal("https://default.logto.app/api", provider.Resource);
    }

    [Theory]
    [InlineData("ABC123")]
    [InlineData("-abc")]
    [InlineData("abc_123")]
    public void A_tenant_id_that_is_not_one_lower_case_DNS_label_is_refused_by_the_same_rule_as_the_protected_API_package(string tenantId)
    {
        var options = new LogtoManagementOptions { TenantId = tenantId, ClientId = "id", ClientSecret = "secret" };

        ArgumentException e = Assert.Throws<ArgumentException>(() => LogtoManagementClient.Create(options));
        InvalidOperationException jwt = Assert.Throws<InvalidOperationException>(() => new LogtoGenerated.AspNetCore.LogtoJwtBearerOptions { TenantId = tenantId, Resource = "https://shop.example/api" }.Issuer);

        Assert.Contains($"LogtoManagementOptions.TenantId '{tenantId}' is not a Logto Cloud tenant id: use only the id, in lower case", e.Message);
        Assert.Contains($"LogtoJwtBearerOptions.TenantId '{tenantId}' is not a Logto Cloud tenant id", jwt.Message);
        Assert.Contains("is not a Logto Cloud tenant id", Assert.Throws<ArgumentException>(() => LogtoManagementOptions.GetCloudManagementApiResource(tenantId)).Message);
    }

    [Fact]
    public void A_lower_case_tenant_id_with_digits_and_hyphens_makes_the_tenants_endpoint_and_resource()
    {
        var provider = new ClientCredentialsAuthenticationProvider(
            new LogtoManagementOptions { TenantId = "my-tenant-1", ClientId = "id", ClientSecret = "secret" }, new HttpClient());

        Assert.Equal(new Uri("https://my-tenant-1.logto.app/oidc/token"), provider.TokenEndpoint);
        Assert.Equal("https://my-tenant-1.logto.app/api", provider.Resource);
    }

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_naming_its_option()
    {
        var options = new LogtoManagementOptions { TenantId = "abc.logto.app", ClientSecret = "", Scopes = ["all", "two words"], TokenRefreshSkew = TimeSpan.FromHours(2) };

        ArgumentException e = Assert.Throws<ArgumentException>(() => LogtoManagementClient.Create(options));

        Assert.Contains("LogtoManagementOptions.TenantId 'abc.logto.app' is not a Logto Cloud tenant id", e.Message);
        Assert.Contains("LogtoManagementOptions.ClientId is required", e.Message);
        Assert.Contains("LogtoManagementOptions.ClientSecret is required", e.Message);
        Assert.Contains("LogtoManagementOptions.Scopes contains 'two words'", e.Message);
        Assert.Contains("LogtoManagementOptions.TokenRefreshSkew", e.Message);
        Assert.Equal("options", e.ParamName);
    }

    [Fact]
    public void An_own_API_needs_a_resource()
    {
        var options = new LogtoClientCredentialsOptions { TenantId = "abc123", ClientId = "id", ClientSecret = "secret" };

        ArgumentException e = Assert.Throws<ArgumentException>(() => new ClientCredentialsAuthenticationProvider(options, new HttpClient()));

        Assert.Contains("LogtoClientCredentialsOptions.Resource is required", e.Message);
    }

    [Fact]
    public void Empty_management_options_ask_for_the_endpoint_and_credentials_but_not_for_a_resource()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new ClientCredentialsAuthenticationProvider(new LogtoManagementOptions(), new HttpClient()));

        Assert.Contains("set TenantId", e.Message);
        Assert.Contains("ClientId is required", e.Message);
        Assert.Contains("ClientSecret is required", e.Message);
        Assert.DoesNotContain("Resource", e.Message);
    }

    [Fact]
    public void Warns_when_a_tenant_id_is_set_but_the_endpoint_is_not_on_logto_app()
    {
        var logs = new CollectingLoggerProvider();
        var options = new LogtoManagementOptions
        {
            TenantId = "abc123", Endpoint = new Uri("https://auth.example.com"), ClientId = "id", ClientSecret = "secret",
        };

        LogtoManagementClient.Create(options, new HttpClient(), logs);

        var warning = Assert.Single(logs.Events, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains("must be called on https://abc123.logto.app, not on a custom domain", warning.Text);
    }

    [Fact]
    public async Task Secrets_and_tokens_never_appear_in_logs_messages_or_ToString()
    {
        const string Secret = "SUPER-secret-value-42";
        var logs = new CollectingLoggerProvider();
        int tokenRequests = 0;
        _server.On("POST", TokenEndpoint.Path, _ => Interlocked.Increment(ref tokenRequests) switch
        {
            1 => FakeResponse.FromRecording("10-token-wrong-secret.txt"),
            2 => FakeResponse.Json(200, "{\"access_token\":\"TOKEN-VALUE-1\",\"expires_in\":3600,\"token_type\":\"mac\"}"),
            _ => TokenEndpoint.Success("TOKEN-VALUE-" + tokenRequests),
        });
        _server.Respond(FakeResponse.InTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), TokenEndpoint.User()));
        LogtoManagementOptions options = TokenEndpoint.Options(_server);
        options.ClientSecret = Secret;
        LogtoManagementClient client = LogtoManagementClient.Create(options, new HttpClient(), logs);
        var texts = new List<string> { options.ToString() };

        texts.Add((await Assert.ThrowsAsync<LogtoTokenException>(() => client.Users["u1"].GetAsync())).ToString());
        texts.Add((await Assert.ThrowsAsync<LogtoTokenException>(() => client.Users["u1"].GetAsync())).ToString());
        await client.Users["u1"].GetAsync();
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());
        texts.Add(provider.ToString());
        texts.Add((await provider.GetAccessTokenAsync()).ToString());
        texts.Add(logs.AllText);

        Assert.Contains("Fetched a Logto access token", logs.AllText);
        Assert.Contains("discarding the cached access token", logs.AllText);
        Assert.Contains("failed", logs.AllText);
        string everything = string.Join("\n", texts);
        Assert.DoesNotContain(Secret, everything);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TokenEndpoint.ClientId + ":" + Secret)), everything);
        Assert.DoesNotContain("TOKEN-VALUE", everything);
        Assert.Contains("(hidden)", options.ToString());
    }

    [Fact]
    public async Task Traces_each_fetch_and_counts_hits_fetches_and_failures()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LogtoDiagnostics.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        var counts = new Dictionary<string, long>();
        string resource = "https://metrics-" + Guid.NewGuid().ToString("N") + ".example/api";
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LogtoDiagnostics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Other tests run in parallel: count only this test's resource (hits carry no tag, so count them per provider below).
            bool mine = false;
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                mine |= tag.Key == "logto.resource" && (string?)tag.Value == resource;
            }

            if (mine)
            {
                lock (counts)
                {
                    counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
                }
            }
        });
        meters.Start();
        _server.On("POST", TokenEndpoint.Path, FakeResponse.InTurn(FakeResponse.FromRecording("13-token-unknown-resource.txt"), TokenEndpoint.Success("t", scope: "all")));
        LogtoManagementOptions options = TokenEndpoint.Options(_server);
        options.Resource = resource;
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());

        await Assert.ThrowsAsync<LogtoTokenException>(() => provider.GetAccessTokenAsync().AsTask());
        await provider.GetAccessTokenAsync();
        await provider.GetAccessTokenAsync();

        Assert.Equal(2, counts[LogtoDiagnostics.FetchesCounterName]);
        Assert.Equal(1, counts[LogtoDiagnostics.FailuresCounterName]);
        Activity[] spans;
        lock (activities)
        {
            spans = activities.Where(a => (string?)a.GetTagItem("logto.resource") == resource).ToArray();
        }

        Assert.Equal(2, spans.Length);
        Assert.All(spans, span => Assert.Equal(LogtoDiagnostics.TokenFetchActivityName, span.OperationName));
        Assert.Equal(ActivityStatusCode.Error, spans[0].Status);
        Assert.Equal(ActivityStatusCode.Unset, spans[1].Status);
    }

    [Fact]
    public async Task Counts_cache_hits()
    {
        long hits = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LogtoDiagnostics.MeterName && instrument.Name == LogtoDiagnostics.CacheHitsCounterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref hits, value));
        meters.Start();
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing());
        var provider = new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(_server), new HttpClient());
        await provider.GetAccessTokenAsync();
        long before = Interlocked.Read(ref hits);

        for (int i = 0; i < 5; i++)
        {
            await provider.GetAccessTokenAsync();
        }

        // Other tests may hit their caches at the same time: at least our five were counted.
        Assert.True(Interlocked.Read(ref hits) - before >= 5);
    }

    [Fact]
    public async Task The_handler_puts_tokens_on_an_own_API_client_and_replays_once_after_a_401()
    {
        await using FakeLogtoServer api = await FakeLogtoServer.StartAsync();
        api.Respond(FakeResponse.InTurn(FakeResponse.Json(401, "{}"), FakeResponse.Json(200, "[]")));
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: "read:orders"));
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = _server.Endpoint, ClientId = TokenEndpoint.ClientId, ClientSecret = TokenEndpoint.ClientSecret,
            Resource = "https://shopping.api", Scopes = { "read:orders" }, AllowedHosts = { api.Endpoint.Authority },
        };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());
        using var http = new HttpClient(new LogtoClientCredentialsHandler(provider) { InnerHandler = new SocketsHttpHandler() });

        using HttpResponseMessage response = await http.GetAsync(new Uri(api.Endpoint, "/orders"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Headers["Authorization"]));
        Assert.Equal("grant_type=client_credentials&resource=https%3A%2F%2Fshopping.api&scope=read%3Aorders", _server.Requests[0].BodyText);
    }

    [Fact]
    public async Task The_handler_drops_a_rejected_token_also_when_the_body_cannot_be_replayed()
    {
        await using FakeLogtoServer api = await FakeLogtoServer.StartAsync();
        api.Respond(FakeResponse.InTurn(FakeResponse.Json(401, "{}"), FakeResponse.Json(200, "[]")));
        _server.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: "read:orders"));
        var options = new LogtoClientCredentialsOptions
        {
            Endpoint = _server.Endpoint, ClientId = TokenEndpoint.ClientId, ClientSecret = TokenEndpoint.ClientSecret,
            Resource = "https://shopping.api", Scopes = { "read:orders" }, AllowedHosts = { api.Endpoint.Authority },
        };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient());
        using var http = new HttpClient(new LogtoClientCredentialsHandler(provider) { InnerHandler = new SocketsHttpHandler() });

        using HttpResponseMessage rejected = await http.PostAsync(new Uri(api.Endpoint, "/orders"), new StreamContent(new LogtoGenerated.Tests.TestSupport.NonSeekableStream("{}"u8.ToArray())));
        using HttpResponseMessage next = await http.GetAsync(new Uri(api.Endpoint, "/orders"));

        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Requests.Select(r => r.Headers["Authorization"]));
    }
}

/// <summary>The allowed-host check on its own, without a server.</summary>
public sealed class AllowedHostTests
{
    [Theory]
    [InlineData("https://auth.example.com", "https://AUTH.example.com/api/users", true)]
    [InlineData("https://auth.example.com", "https://auth.example.com:443/api/users", true)]
    [InlineData("https://auth.example.com", "https://auth.example.com:8443/api/users", false)]
    [InlineData("https://auth.example.com", "http://auth.example.com/api/users", false)]
    [InlineData("https://auth.example.com:8443", "https://auth.example.com:8443/api/users", true)]
    [InlineData("https://auth.example.com:8443", "https://auth.example.com/api/users", false)]
    [InlineData("http://[::1]:3001", "http://[::1]:3001/api/users", true)]
    [InlineData("http://[::1]:3001", "http://[::1]:3002/api/users", false)]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example/api/users", true)]
    [InlineData("https://bücher.example", "https://bücher.example/api/users", true)]
    public async Task Compares_scheme_host_and_port(string endpoint, string url, bool expected)
    {
        var options = new LogtoManagementOptions { Endpoint = new Uri(endpoint), ClientId = "id", ClientSecret = "secret" };
        var provider = new ClientCredentialsAuthenticationProvider(options, new HttpClient(new NoNetwork()));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);

        Exception? attempted = await Record.ExceptionAsync(() => provider.AuthenticateRequestAsync(request, CancellationToken.None).AsTask());

        // An allowed request asks for a token (which this handler refuses to fetch); a refused one is left alone.
        Assert.Equal(expected, attempted is LogtoTokenException);
        Assert.Null(request.Headers.Authorization);
    }

    private sealed class NoNetwork : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("no network in this test");
    }
}
