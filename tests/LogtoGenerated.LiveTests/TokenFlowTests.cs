using System.Text.Json.Nodes;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests;

/// <summary>The client-credentials flows on Logto's real token endpoint.</summary>
public sealed class TokenFlowTests
{
    [LiveFact]
    public async Task Management_API_token_is_fetched_once_with_scope_all_and_reused_for_later_calls()
    {
        var server = LiveServer.Required;
        var client = server.CreateClient();
        var exchanges = ExchangeRecorder.Record();

        var users = await client.Users.GetAsync(c => c.QueryParameters.PageSize = 1);
        await client.Roles.GetAsync(c => c.QueryParameters.PageSize = 1);

        Assert.NotNull(users);
        var tokens = exchanges.Where(e => e.RequestUri.AbsolutePath == "/oidc/token").ToList();
        var token = Assert.Single(tokens);
        Assert.Equal(200, token.Status);
        var body = JsonNode.Parse(token.ResponseBody)!;
        Assert.Equal("all", (string?)body["scope"]);
        Assert.Equal("Bearer", (string?)body["token_type"]);
        Assert.Equal(3, exchanges.Count);
    }

    [LiveFact]
    public async Task Token_for_the_60_second_resource_carries_its_scope_and_expires_a_minute_after_issue()
    {
        var server = LiveServer.Required;
        var (indicator, scope) = server.ShopResource ?? throw new InvalidOperationException("Set LOGTO_SHOP_RESOURCE (and LOGTO_SHOP_SCOPE): an API resource whose tokens live 60 s, with a scope granted to LOGTO_APP_ID.");
        var provider = Provider(server, server.AppId, server.AppSecret, indicator, scope);

        var token = await provider.GetAccessTokenAsync();

        Assert.Equal([scope], token.Scopes);
        Assert.InRange((token.ExpiresAt - token.IssuedAt).TotalSeconds, 55, 65);
        Assert.True(token.RefreshAt > token.IssuedAt && token.RefreshAt < token.ExpiresAt, $"refresh at {token.RefreshAt:O} is not within the token's life");
        Assert.Same(token, await provider.GetAccessTokenAsync());
    }

    [LiveFact]
    public async Task Scope_the_app_is_not_granted_fails_the_token_request_naming_the_missing_scope()
    {
        var server = LiveServer.Required;
        var (indicator, scope) = server.ShopResource ?? throw new InvalidOperationException("Set LOGTO_SHOP_RESOURCE: an API resource with a scope granted to LOGTO_APP_ID.");
        var provider = Provider(server, server.AppId, server.AppSecret, indicator, scope, "write:orders");

        var error = await Assert.ThrowsAsync<LogtoTokenException>(async () => await provider.GetAccessTokenAsync());

        Assert.Equal(["write:orders"], error.MissingScopes);
        Assert.Contains("write:orders", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.AppSecret, error.Message, StringComparison.Ordinal);
    }

    [LiveFact]
    public async Task Refusals_of_the_real_token_endpoint_are_read_into_the_error_and_the_advice()
    {
        var server = LiveServer.Required;

        var wrongSecret = await Assert.ThrowsAsync<LogtoTokenException>(async () =>
            await Provider(server, server.AppId, "not-the-secret", server.ManagementResource, "all").GetAccessTokenAsync());
        var unknownResource = await Assert.ThrowsAsync<LogtoTokenException>(async () =>
            await Provider(server, server.AppId, server.AppSecret, "https://no-such-resource.example", "all").GetAccessTokenAsync());

        Assert.Equal((401, "invalid_client"), (wrongSecret.StatusCode, wrongSecret.Error));
        Assert.False(string.IsNullOrEmpty(wrongSecret.ErrorDescription));
        Assert.Contains("The client secret is wrong", wrongSecret.Message, StringComparison.Ordinal);
        Assert.Equal((400, "invalid_target"), (unknownResource.StatusCode, unknownResource.Error));
        Assert.Contains("Logto does not know the resource https://no-such-resource.example", unknownResource.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.AppSecret, unknownResource.ToString(), StringComparison.Ordinal);
    }

    [LiveFact]
    public async Task App_without_a_role_gets_no_Management_API_scope_and_the_client_says_so_before_calling_the_API()
    {
        var server = LiveServer.Required;
        var (id, secret) = server.NoRoleApp ?? throw new InvalidOperationException("Set LOGTO_NOROLE_APP_ID and LOGTO_NOROLE_APP_SECRET: an M2M app with no role.");
        var client = LogtoManagementClient.Create(new LogtoManagementOptions { Endpoint = server.Endpoint, ClientId = id, ClientSecret = secret, Retry = LogtoRetryOptions.None });

        var error = await Assert.ThrowsAsync<LogtoTokenException>(() => client.Users.GetAsync());

        Assert.Equal(["all"], error.MissingScopes);
        Assert.Equal(id, error.ClientId);
        Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
    }

    [LiveFact]
    public async Task After_the_signing_key_that_signed_a_cached_token_is_deleted_one_401_brings_one_new_token_and_one_replay()
    {
        var server = LiveServer.Required;
        var admin = server.CreateClient();
        var client = server.CreateClient();
        await client.Users.GetAsync(c => c.QueryParameters.PageSize = 1);
        var (_, probe) = await server.RequestTokenAsync(server.AppId, server.AppSecret, server.ManagementResource, "all");
        var oldToken = (string)probe["access_token"]!;

        // Rotate: the new key signs from now on; the old one, which signed the cached token, is deleted.
        var rotated = await admin.Configs.Oidc[OidcKeyKeyType.PrivateKeys].Rotate.PostAsync(new RotateOidcKeysRequest { SigningKeyAlgorithm = SigningKeyAlgorithm.EC, RotationGracePeriod = 0 });
        var previous = rotated.Where(k => k.Status != OidcKeyStatus.Current).ToList();
        Assert.True(previous.Count > 0 && rotated.Count(k => k.Status == OidcKeyStatus.Current) == 1, "Rotation keeps the previous key: " + string.Join(", ", rotated.Select(k => $"{k.Id} {k.Status?.Value}")));
        foreach (var key in previous)
        {
            await server.CreateClient().Configs.Oidc[OidcKeyKeyType.PrivateKeys][key.Id].DeleteAsync();
        }

        // Logto rebuilds its key set on a request after the deletion, not during it: wait until a token of the old key is refused.
        Assert.True(await RefusedWithinAsync(server, oldToken, TimeSpan.FromSeconds(15)), "Logto still accepts tokens of the deleted key after 15 s.");

        var exchanges = ExchangeRecorder.Record();
        var users = await client.Users.GetAsync(c => c.QueryParameters.PageSize = 1);

        Assert.NotNull(users);
        var wire = exchanges.Select(e => $"{e.Method} {e.RequestUri.AbsolutePath} {e.Status}").ToList();
        Assert.True(
            wire.SequenceEqual(["GET /api/users 401", "POST /oidc/token 200", "GET /api/users 200"]),
            "Expected a 401, one new token and one replay; the wire had: " + string.Join(" | ", wire));
    }

    private static async Task<bool> RefusedWithinAsync(LiveServer server, string token, TimeSpan limit)
    {
        using var http = new HttpClient();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Endpoint, "/api/users?page_size=1"));
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private static ClientCredentialsAuthenticationProvider Provider(LiveServer server, string id, string secret, string resource, params string[] scopes) =>
        new(new LogtoClientCredentialsOptions { Endpoint = server.Endpoint, ClientId = id, ClientSecret = secret, Resource = resource, Scopes = scopes }, new HttpClient());
}
