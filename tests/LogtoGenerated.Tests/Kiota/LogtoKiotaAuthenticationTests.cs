using LogtoGenerated.Authentication;
using LogtoGenerated.Kiota;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.Kiota.Shop.Client;
using LogtoGenerated.Tests.Kiota.Shop.Client.Models;
using Microsoft.Kiota.Abstractions;

namespace LogtoGenerated.Tests.Kiota;

/// <summary>
/// A Kiota-generated client (the shop of <c>Shop/</c>) on the real Kiota runtime (<c>HttpClientRequestAdapter</c>, Kiota's
/// default handlers) authenticated by <see cref="LogtoKiotaAuthenticationProvider"/> and <see cref="LogtoTokenRefreshHandler"/>,
/// against a fake Logto and a fake API on 127.0.0.1.
/// </summary>
public sealed class LogtoKiotaAuthenticationTests : IAsyncLifetime
{
    private readonly ShopApi _shop = new();

    public Task InitializeAsync() => _shop.InitializeAsync();

    public Task DisposeAsync() => _shop.DisposeAsync();

    [Fact]
    public async Task A_Kiota_call_gets_its_token_as_Logto_documents_it_Basic_credentials_and_form_fields()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, "[" + ShopApi.OrderJson + "]"));
        ShopClient shop = _shop.CreateClient();

        List<Order>? orders = await shop.Orders.GetAsync();

        Assert.Equal("tea", Assert.Single(orders!).Item);
        RecordedRequest token = Assert.Single(_shop.TokenRequests);
        Assert.Equal("POST", token.Method);
        Assert.Equal("application/x-www-form-urlencoded", token.ContentType);
        Assert.Equal(TokenEndpoint.ClientId + ":" + TokenEndpoint.ClientSecret, TokenEndpoint.DecodeBasic(token.Headers["Authorization"]));
        Assert.Equal("grant_type=client_credentials&resource=https%3A%2F%2Fshopping.api&scope=read%3Aorders", token.BodyText);
        RecordedRequest call = Assert.Single(_shop.Api.Requests);
        Assert.Equal("GET /orders", call.Method + " " + call.RawTarget);
        Assert.Equal("Bearer token-1", call.Headers["Authorization"]);
    }

    [Fact]
    public async Task Two_hundred_concurrent_cold_calls_make_one_token_request_and_all_carry_its_token()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<RecordedRequest, FakeResponse> issue = TokenEndpoint.Issuing(scope: ShopApi.Scope);
        _shop.Logto.On("POST", TokenEndpoint.Path, async (request, cancellationToken) =>
        {
            await release.Task.WaitAsync(cancellationToken);
            return issue(request);
        });
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        ShopClient shop = _shop.CreateClient();

        Task<Order?>[] calls = Enumerable.Range(0, 200).Select(i => Task.Run(() => shop.Orders["o" + i].GetAsync())).ToArray();
        await WaitUntilAsync(() => _shop.TokenRequests.Count == 1);
        release.SetResult();
        Order?[] orders = await Task.WhenAll(calls);

        Assert.Equal(200, orders.Count(order => order?.Id == "o1"));
        Assert.Single(_shop.TokenRequests);
        Assert.Equal(200, _shop.Api.Requests.Count);
        Assert.All(_shop.Api.Requests, r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
    }

    [Fact]
    public async Task The_token_goes_only_to_the_allowed_host_and_port_never_to_another_API()
    {
        await using FakeLogtoServer other = await FakeLogtoServer.StartAsync();
        other.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        var authentication = new LogtoKiotaAuthenticationProvider(_shop.Options(), new HttpClient());

        // Another port on the same address, and the allowed port under another host name: neither is the allowed host.
        await ShopApi.CreateClient(authentication, other.Endpoint).Orders["o1"].GetAsync();
        await ShopApi.CreateClient(authentication, new Uri("http://localhost:" + _shop.Api.Endpoint.Port)).Orders["o1"].GetAsync();
        Assert.Empty(_shop.TokenRequests);
        await ShopApi.CreateClient(authentication, _shop.Api.Endpoint).Orders["o1"].GetAsync();

        Assert.All(other.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization"), r + " carried a token"));
        Assert.Collection(
            _shop.Api.Requests,
            r => Assert.False(r.Headers.ContainsKey("Authorization"), "the request to localhost carried a token"),
            r => Assert.Equal("Bearer token-1", r.Headers["Authorization"]));
        Assert.Single(_shop.TokenRequests);
    }

    [Fact]
    public async Task A_redirect_to_another_host_never_carries_the_token()
    {
        await using FakeLogtoServer other = await FakeLogtoServer.StartAsync();
        other.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        _shop.Api.Respond(_ => FakeResponse.Empty(302).WithHeader("Location", new Uri(other.Endpoint, "/orders/o1").AbsoluteUri));
        ShopClient shop = _shop.CreateClient();

        Order? order = await shop.Orders["o1"].GetAsync();

        Assert.Equal("o1", order!.Id);
        Assert.Equal("Bearer token-1", Assert.Single(_shop.Api.Requests).Headers["Authorization"]);
        Assert.False(Assert.Single(other.Requests).Headers.ContainsKey("Authorization"), "the redirected request carried the token");
    }

    [Fact]
    public async Task A_401_is_answered_by_one_token_refresh_and_one_replay_of_the_same_body()
    {
        _shop.Api.Respond(FakeResponse.InTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), FakeResponse.Json(201, ShopApi.OrderJson)));
        ShopClient shop = _shop.CreateClient();

        Order? created = await shop.Orders.PostAsync(new Order { Item = "tea", Quantity = 2 });

        Assert.Equal("o1", created!.Id);
        Assert.Equal(2, _shop.TokenRequests.Count);
        IReadOnlyList<RecordedRequest> posts = _shop.Api.Requests;
        Assert.Equal(["Bearer token-1", "Bearer token-2"], posts.Select(r => r.Headers["Authorization"]));
        Assert.Equal(posts[0].BodyText, posts[1].BodyText);
        Assert.Contains("\"item\":\"tea\"", posts[1].BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_401_is_the_answer_after_exactly_one_replay()
    {
        _shop.Api.RespondWith(FakeResponse.FromRecording("21-api-garbage-token.txt"));
        ShopClient shop = _shop.CreateClient();

        ApiException e = await Assert.ThrowsAnyAsync<ApiException>(() => shop.Orders["o1"].GetAsync());

        Assert.Equal(401, e.ResponseStatusCode);
        Assert.Equal(2, _shop.Api.Requests.Count);
        Assert.Equal(2, _shop.TokenRequests.Count);
    }

    [Fact]
    public async Task After_a_401_the_next_call_uses_the_new_token_without_another_refresh()
    {
        _shop.Api.Respond(FakeResponse.InTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), FakeResponse.Json(200, ShopApi.OrderJson)));
        ShopClient shop = _shop.CreateClient();

        await shop.Orders["o1"].GetAsync();
        await shop.Orders["o2"].GetAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2"], _shop.Api.Requests.Select(r => r.Headers["Authorization"]));
        Assert.Equal(2, _shop.TokenRequests.Count);
    }

    [Fact]
    public async Task An_Authorization_header_set_by_the_caller_is_kept_and_its_401_is_not_replayed()
    {
        _shop.Api.RespondWith(FakeResponse.FromRecording("21-api-garbage-token.txt"));
        ShopClient shop = _shop.CreateClient();

        ApiException e = await Assert.ThrowsAnyAsync<ApiException>(
            () => shop.Orders["o1"].GetAsync(c => c.Headers.Add("Authorization", "Bearer my-own-token")));

        Assert.Equal(401, e.ResponseStatusCode);
        Assert.Equal("Bearer my-own-token", Assert.Single(_shop.Api.Requests).Headers["Authorization"]);
        Assert.Empty(_shop.TokenRequests);
    }

    [Fact]
    public async Task A_refused_secret_surfaces_as_LogtoTokenException_with_its_advice_and_nothing_reaches_the_API()
    {
        _shop.Logto.On("POST", TokenEndpoint.Path, _ => FakeResponse.FromRecording("10-token-wrong-secret.txt"));
        ShopClient shop = _shop.CreateClient();

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => shop.Orders.GetAsync());

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("invalid_client", e.Error);
        Assert.Equal(TokenEndpoint.ClientId, e.ClientId);
        Assert.Contains("client secret is wrong", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, e.ToString(), StringComparison.Ordinal);
        Assert.Empty(_shop.Api.Requests);
    }

    [Fact]
    public async Task A_token_without_the_requested_scope_is_refused_naming_the_missing_scope()
    {
        _shop.Logto.On("POST", TokenEndpoint.Path, TokenEndpoint.Issuing(scope: null));
        ShopClient shop = _shop.CreateClient();

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => shop.Orders.GetAsync());

        Assert.Equal([ShopApi.Scope], e.MissingScopes);
        Assert.Contains(ShopApi.Scope, e.Message, StringComparison.Ordinal);
        Assert.Empty(_shop.Api.Requests);
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction_naming_each_option()
    {
        var options = new LogtoClientCredentialsOptions { Endpoint = new Uri("http://auth.example.com"), ClientId = "id" };

        ArgumentException e = Assert.Throws<ArgumentException>(() => new LogtoKiotaAuthenticationProvider(options, new HttpClient()));

        Assert.Contains("LogtoClientCredentialsOptions.ClientSecret is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("LogtoClientCredentialsOptions.Resource is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("must use https", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_describes_the_provider_without_the_secret()
    {
        var authentication = new LogtoKiotaAuthenticationProvider(_shop.Options(), new HttpClient());

        string text = authentication.ToString();

        Assert.Contains(TokenEndpoint.ClientId, text, StringComparison.Ordinal);
        Assert.Contains(ShopApi.Resource, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenEndpoint.ClientSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_provider_is_LogtoGenerateds_and_shares_its_cache_with_other_clients()
    {
        _shop.Api.Respond(_ => FakeResponse.Json(200, ShopApi.OrderJson));
        var cache = new LogtoTokenCache();
        var authentication = new LogtoKiotaAuthenticationProvider(_shop.Options(), new HttpClient(), cache);
        var plain = new ClientCredentialsAuthenticationProvider(_shop.Options(), new HttpClient(), cache);

        await ShopApi.CreateClient(authentication, _shop.Api.Endpoint).Orders["o1"].GetAsync();
        LogtoAccessToken token = await plain.GetAccessTokenAsync();

        Assert.Equal("token-1", token.Value);
        Assert.Equal("token-1", (await authentication.TokenProvider.GetAccessTokenAsync()).Value);
        Assert.Single(_shop.TokenRequests);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
