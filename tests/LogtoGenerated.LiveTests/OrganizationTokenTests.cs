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
        LogtoAccessToken organizationToken, resourceToken;
        LogtoTokenException refused;
        string memberId, otherId, reportsName;
        await using (var membership = await OrganizationMembership.CreateAsync(server))
        {
            (memberId, otherId, reportsName) = (membership.Member.Id, membership.Other.Id, membership.Reports.Name);
            organizationToken = await server.CreateTokenProvider(null, memberId, reportsName).GetAccessTokenAsync();
            resourceToken = await server.CreateTokenProvider(shop, memberId, shopScope).GetAccessTokenAsync();
            refused = await Assert.ThrowsAsync<LogtoTokenException>(async () => await server.CreateTokenProvider(null, otherId).GetAccessTokenAsync());
        }

        var organizationClaims = LiveServer.JwtPart(organizationToken.Value, 1);
        Assert.Equal($"urn:logto:organization:{memberId}", (string?)organizationClaims["aud"]);
        Assert.Equal([reportsName], organizationToken.Scopes);
        Assert.Equal(memberId, organizationToken.OrganizationId);

        var resourceClaims = LiveServer.JwtPart(resourceToken.Value, 1);
        Assert.Equal(shop, (string?)resourceClaims["aud"]);
        Assert.Equal(memberId, (string?)resourceClaims["organization_id"]);
        Assert.Equal([shopScope], resourceToken.Scopes);

        Assert.Equal(403, refused.StatusCode);
        Assert.Equal(otherId, refused.OrganizationId);
        Assert.Contains($"is not a member of the organization {otherId}", refused.Message, StringComparison.Ordinal);
    }
}
