using System.Net;
using System.Net.Http.Headers;
using LogtoGenerated.AspNetCore;
using LogtoGenerated.Authentication;
using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LogtoGenerated.LiveTests;

/// <summary>
/// An API protected with <c>AddLogtoJwtBearer</c> (on Kestrel, 127.0.0.1, in the test process) called with real tokens
/// of the live Logto: the shop resource's 60-second token, the Management API's token, a token without the scope,
/// organization tokens, and tokens signed after a key rotation.
/// </summary>
public sealed class ProtectedApiTests
{
    [LiveFact]
    public async Task A_real_resource_token_is_accepted_and_the_Management_API_token_is_refused_for_its_audience()
    {
        var server = LiveServer.Required;
        var (shop, scope) = Shop(server);
        await using var api = await ProtectedShopApi.StartAsync(server, shop);

        LogtoAccessToken token = await server.CreateTokenProvider(shop, null, scope).GetAccessTokenAsync();
        LogtoAccessToken management = await server.CreateTokenProvider(server.ManagementResource, null, "all").GetAccessTokenAsync();

        using HttpResponseMessage accepted = await api.GetAsync("/orders", token.Value);
        using HttpResponseMessage wrongAudience = await api.GetAsync("/orders", management.Value);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal($"orders for {server.AppId}", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.StatusCode);
        Assert.Equal(
            $"Bearer error=\"invalid_token\", error_description=\"The token is not for this API: its audience must be '{shop}' or urn:logto:organization:<organization id>.\"",
            wrongAudience.Headers.WwwAuthenticate.Single().ToString());
    }

    [LiveFact]
    public async Task A_real_token_without_the_scope_gets_403_insufficient_scope()
    {
        var server = LiveServer.Required;
        var (shop, scope) = Shop(server);
        await using var api = await ProtectedShopApi.StartAsync(server, shop);

        LogtoAccessToken token = await server.CreateTokenProvider(shop, null).GetAccessTokenAsync();
        using HttpResponseMessage response = await api.GetAsync("/orders", token.Value);

        Assert.DoesNotContain(scope, token.Scopes);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.EndsWith($"scope=\"{scope}\"", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Bearer error=\"insufficient_scope\"", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [LiveFact]
    public async Task Real_organization_tokens_are_accepted_for_their_organization_and_refused_for_another()
    {
        var server = LiveServer.Required;
        var (shop, scope) = Shop(server);
        await using var membership = await OrganizationMembership.CreateAsync(server);
        string member = membership.Member.Id, other = membership.Other.Id;
        await using var api = await ProtectedShopApi.StartAsync(server, shop, membership.Reports.Name);

        LogtoAccessToken organizationToken = await server.CreateTokenProvider(null, member, membership.Reports.Name).GetAccessTokenAsync();
        LogtoAccessToken organizationResourceToken = await server.CreateTokenProvider(shop, member, scope).GetAccessTokenAsync();

        using HttpResponseMessage own = await api.GetAsync($"/organizations/{member}/reports", organizationToken.Value);
        using HttpResponseMessage another = await api.GetAsync($"/organizations/{other}/reports", organizationToken.Value);
        using HttpResponseMessage ownOrders = await api.GetAsync($"/organizations/{member}/orders", organizationResourceToken.Value);
        using HttpResponseMessage anotherOrders = await api.GetAsync($"/organizations/{other}/orders", organizationResourceToken.Value);
        using HttpResponseMessage globalOrders = await api.GetAsync("/orders", organizationResourceToken.Value);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal($"reports of {member} for {server.AppId}", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, another.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownOrders.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, anotherOrders.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, globalOrders.StatusCode);
    }

    [LiveFact]
    public async Task After_a_signing_key_rotation_new_tokens_are_accepted_without_a_restart()
    {
        var server = LiveServer.Required;
        var (shop, scope) = Shop(server);
        var admin = server.CreateClient();
        await using var api = await ProtectedShopApi.StartAsync(server, shop);
        string before = (await server.CreateTokenProvider(shop, null, scope).GetAccessTokenAsync()).Value;
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/orders", before)).StatusCode);

        await admin.Configs.Oidc[OidcKeyKeyType.PrivateKeys].Rotate.PostAsync(new RotateOidcKeysRequest { SigningKeyAlgorithm = SigningKeyAlgorithm.EC });
        string after = await TokenSignedWithAnotherKeyAsync(server, shop, scope, KeyId(before));

        using HttpResponseMessage response = await api.GetAsync("/orders", after);
        using HttpResponseMessage old = await api.GetAsync("/orders", before);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    // Logto rebuilds its signer on a request after the rotation: ask for tokens until one carries another key id.
    private static async Task<string> TokenSignedWithAnotherKeyAsync(LiveServer server, string resource, string scope, string oldKeyId)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            string token = (await server.CreateTokenProvider(resource, null, scope).GetAccessTokenAsync()).Value;
            if (KeyId(token) != oldKeyId)
            {
                return token;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "Logto still signs with the key it had before the rotation after 20 s.");
            await Task.Delay(250);
        }
    }

    private static string KeyId(string jwt) => (string)LiveServer.JwtPart(jwt, 0)["kid"]!;

    private static (string Resource, string Scope) Shop(LiveServer server) => server.ShopResource
        ?? throw new InvalidOperationException("Set LOGTO_SHOP_RESOURCE (and LOGTO_SHOP_SCOPE): an API resource with a scope.");

    /// <summary>The shop API: <c>/orders</c>, <c>/organizations/{id}/reports</c> and <c>/organizations/{id}/orders</c>.</summary>
    private sealed class ProtectedShopApi : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _http = new();

        private ProtectedShopApi(WebApplication app) => _app = app;

        public static async Task<ProtectedShopApi> StartAsync(LiveServer server, string resource, string reportsPermission = "read:reports")
        {
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddAuthentication().AddLogtoJwtBearer(options =>
            {
                options.Endpoint = server.Endpoint;
                options.Resource = resource;
                options.AcceptOrganizationTokens = true;
            });
            WebApplication app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            string scope = server.ShopResource!.Value.Scope;
            app.MapGet("/orders", (HttpContext context) => $"orders for {context.User.GetLogtoClientId()}")
                .RequireAuthorization(policy => policy.RequireLogtoScopes(scope));
            app.MapGet("/organizations/{organizationId}/reports", (string organizationId, HttpContext context) => $"reports of {organizationId} for {context.User.GetLogtoClientId()}")
                .RequireAuthorization(policy => policy.RequireLogtoOrganizationToken("organizationId", reportsPermission));
            app.MapGet("/organizations/{organizationId}/orders", (string organizationId) => $"orders of {organizationId}")
                .RequireAuthorization(policy => policy.RequireLogtoOrganizationResource("organizationId", scope));
            await app.StartAsync();
            var api = new ProtectedShopApi(app);
            api._http.BaseAddress = new Uri(app.Urls.Single());
            return api;
        }

        public async Task<HttpResponseMessage> GetAsync(string path, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _app.DisposeAsync();
        }
    }
}
