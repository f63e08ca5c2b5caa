using System.Text;
using System.Text.Json.Nodes;
using LogtoGenerated.Authentication;
using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests;

/// <summary>Organization tokens for an M2M app on Logto's real token endpoint.</summary>
public sealed class OrganizationTokenTests
{
    [LiveFact]
    public async Task An_M2M_app_in_an_organization_gets_organization_tokens_and_organization_level_API_tokens_and_none_for_another_organization()
    {
        var server = LiveServer.Required;
        var (shop, shopScope) = server.ShopResource ?? throw new InvalidOperationException("Set LOGTO_SHOP_RESOURCE (and LOGTO_SHOP_SCOPE): an API resource with a scope.");
        var admin = server.CreateClient();
        var tag = RunTag.New();
        var resource = await admin.Resources.GetAllAsync().SingleAsync(r => r.Indicator == shop);
        var orderScope = (await admin.Resources[resource.Id].Scopes.GetAsync()).Single(s => s.Name == shopScope);
        var reports = await admin.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:reports" });
        var role = await admin.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest
        {
            Name = $"live-{tag}-reporting",
            Type = RoleType.MachineToMachine,
            OrganizationScopeIds = [reports.Id],
            ResourceScopeIds = [orderScope.Id],
        });
        var member = await admin.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} member" });
        var other = await admin.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} other" });
        await admin.Organizations[member.Id].Applications.PostAsync(new ApplicationIdsRequest { ApplicationIds = [server.AppId] });
        await admin.Organizations[member.Id].Applications[server.AppId].Roles.PostAsync(new OrganizationRoleIdsRequest { OrganizationRoleIds = [role.Id] });

        LogtoAccessToken organizationToken, resourceToken;
        LogtoTokenException refused;
        try
        {
            organizationToken = await Provider(server, member.Id, null, reports.Name).GetAccessTokenAsync();
            resourceToken = await Provider(server, member.Id, shop, shopScope).GetAccessTokenAsync();
            refused = await Assert.ThrowsAsync<LogtoTokenException>(async () => await Provider(server, other.Id, null).GetAccessTokenAsync());
        }
        finally
        {
            // The app under test stays in no organization of this run's making.
            await admin.Organizations[member.Id].DeleteAsync();
            await admin.Organizations[other.Id].DeleteAsync();
        }

        var organizationClaims = Payload(organizationToken.Value);
        Assert.Equal($"urn:logto:organization:{member.Id}", (string?)organizationClaims["aud"]);
        Assert.Equal([reports.Name], organizationToken.Scopes);
        Assert.Equal(member.Id, organizationToken.OrganizationId);

        var resourceClaims = Payload(resourceToken.Value);
        Assert.Equal(shop, (string?)resourceClaims["aud"]);
        Assert.Equal(member.Id, (string?)resourceClaims["organization_id"]);
        Assert.Equal([shopScope], resourceToken.Scopes);

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(other.Id, refused.OrganizationId);
        Assert.Contains($"is not a member of the organization {other.Id}", refused.Message, StringComparison.Ordinal);
    }

    private static ClientCredentialsAuthenticationProvider Provider(LiveServer server, string organizationId, string? resource, params string[] scopes) =>
        new(new LogtoClientCredentialsOptions
        {
            Endpoint = server.Endpoint,
            ClientId = server.AppId,
            ClientSecret = server.AppSecret,
            Resource = resource,
            OrganizationId = organizationId,
            Scopes = scopes,
        }, new HttpClient());

    /// <summary>The claims of a JWT (not verified: the token came straight from the token endpoint).</summary>
    private static JsonObject Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '='))))!.AsObject();
    }
}
