using System.Net;
using LogtoGenerated.AspNetCore;
using Microsoft.AspNetCore.Authorization;

namespace LogtoGenerated.Tests.AspNetCore;

/// <summary>
/// The one-call policies for Logto's permission models (global API resource scopes, organization tokens,
/// organization-level API resources, machine or user callers), the 403 answers with RFC 6750's
/// <c>insufficient_scope</c>, and the typed claim accessors.
/// </summary>
public sealed class LogtoPolicyTests : IAsyncLifetime
{
    private FakeLogtoIssuer _logto = null!;
    private ProtectedApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _logto = await FakeLogtoIssuer.StartAsync();
        _api = await ProtectedApiHost.StartAsync(options =>
        {
            options.Endpoint = _logto.Endpoint;
            options.Resource = FakeLogtoIssuer.Resource;
            options.AcceptOrganizationTokens = true;
        });
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _logto.DisposeAsync();
    }

    [Fact]
    public async Task A_token_without_the_scope_gets_403_insufficient_scope_naming_the_scope()
    {
        using HttpResponseMessage response = await _api.GetAsync("/orders", _logto.Token(scope: "write:orders"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(
            "Bearer error=\"insufficient_scope\", error_description=\"The token lacks the scope(s) read:orders: grant them to the caller's role in Logto and get a new token.\", scope=\"read:orders\"",
            response.Headers.WwwAuthenticate.Single().ToString());
    }

    [Fact]
    public async Task A_policy_with_two_scopes_needs_both_and_names_both()
    {
        using HttpResponseMessage one = await _api.GetAsync("/orders/all", _logto.Token(scope: "read:orders"));
        using HttpResponseMessage both = await _api.GetAsync("/orders/all", _logto.Token(scope: "write:orders read:orders"));

        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.EndsWith("scope=\"read:orders write:orders\"", one.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
    }

    [Fact]
    public async Task An_organization_token_is_accepted_for_its_organization_only()
    {
        string token = _logto.Token(scope: "read:reports", audience: "urn:logto:organization:org-1");

        using HttpResponseMessage own = await _api.GetAsync("/organizations/org-1/reports", token);
        using HttpResponseMessage other = await _api.GetAsync("/organizations/org-2/reports", token);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("reports of org-1", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("The token is for another organization than the one this request names.", other.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_token_without_the_permission_is_refused_naming_it()
    {
        using HttpResponseMessage response = await _api.GetAsync("/organizations/org-1/reports", _logto.Token(scope: "", audience: "urn:logto:organization:org-1"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.EndsWith("scope=\"read:reports\"", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organization_scopes_grant_nothing_on_a_global_resource_endpoint()
    {
        // An organization role's read:orders is not the global read:orders.
        using HttpResponseMessage organizationToken = await _api.GetAsync("/orders", _logto.Token(scope: "read:orders", audience: "urn:logto:organization:org-1"));
        using HttpResponseMessage organizationResource = await _api.GetAsync("/orders", _logto.Token(scope: "read:orders", change: d => d.Claims["organization_id"] = "org-1"));

        Assert.Equal(HttpStatusCode.Forbidden, organizationToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, organizationResource.StatusCode);
        Assert.Contains("request it without organization_id", organizationResource.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_level_resource_token_is_accepted_for_its_organization_only()
    {
        string token = _logto.Token(scope: "read:orders", change: d => d.Claims["organization_id"] = "org-1");

        using HttpResponseMessage own = await _api.GetAsync("/organizations/org-1/orders", token);
        using HttpResponseMessage other = await _api.GetAsync("/organizations/org-2/orders", token);
        using HttpResponseMessage asOrganizationToken = await _api.GetAsync("/organizations/org-1/reports", token);
        using HttpResponseMessage global = await _api.GetAsync("/organizations/org-1/orders", _logto.Token(scope: "read:orders"));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asOrganizationToken.StatusCode);
        Assert.Contains("needs an organization token", asOrganizationToken.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, global.StatusCode);
        Assert.Contains("request the token with both resource and organization_id", global.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Machine_and_user_callers_are_told_apart()
    {
        string machine = _logto.Token();
        string user = _logto.Token(change: d => d.Claims["sub"] = "user-42");

        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/machine", machine)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.GetAsync("/machine", user)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/user", user)).StatusCode);
        using HttpResponseMessage refused = await _api.GetAsync("/user", machine);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("the token belongs to a machine-to-machine app", refused.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_accessors_read_client_user_organization_and_scopes()
    {
        string machine = _logto.Token(scope: "write:orders read:orders");
        string user = _logto.Token(scope: "read:reports", audience: "urn:logto:organization:org-7", change: d => d.Claims["sub"] = "user-42");
        string organizationResource = _logto.Token(scope: "read:orders", change: d => d.Claims["organization_id"] = "org-9");

        Assert.Equal($"{FakeLogtoIssuer.AppId}|-|True|-|read:orders write:orders", await (await _api.GetAsync("/me", machine)).Content.ReadAsStringAsync());
        Assert.Equal($"{FakeLogtoIssuer.AppId}|user-42|False|org-7|read:reports", await (await _api.GetAsync("/me", user)).Content.ReadAsStringAsync());
        Assert.Equal($"{FakeLogtoIssuer.AppId}|-|True|org-9|read:orders", await (await _api.GetAsync("/me", organizationResource)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Organization_tokens_are_refused_unless_accepted()
    {
        await using ProtectedApiHost strict = await ProtectedApiHost.StartAsync(options =>
        {
            options.Endpoint = _logto.Endpoint;
            options.Resource = FakeLogtoIssuer.Resource;
        });

        using HttpResponseMessage response = await strict.GetAsync("/organizations/org-1/reports", _logto.Token(scope: "read:reports", audience: "urn:logto:organization:org-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("its audience must be", response.Headers.WwwAuthenticate.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Policies_refuse_scopes_that_are_not_one_word()
    {
        var builder = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder();

        ArgumentException noScope = Assert.Throws<ArgumentException>(() => builder.RequireLogtoScopes());
        ArgumentException spaced = Assert.Throws<ArgumentException>(() => builder.RequireLogtoScopes("read:orders write:orders"));
        ArgumentException route = Assert.Throws<ArgumentException>(() => builder.RequireLogtoOrganizationToken(" ", "read:reports"));

        Assert.Contains("Name at least one scope", noScope.Message, StringComparison.Ordinal);
        Assert.Contains("'read:orders write:orders' is not a scope", spaced.Message, StringComparison.Ordinal);
        Assert.Contains("Name the route value", route.Message, StringComparison.Ordinal);
    }
}
