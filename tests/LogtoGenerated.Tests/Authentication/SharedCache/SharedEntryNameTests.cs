using System.Security.Cryptography;
using System.Text;
using LogtoGenerated.Authentication;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>
/// The shared cache entry's name is derived from the secret and what the token is for. Organization tokens get names
/// of their own, and the names of tokens without an organization are the ones earlier versions wrote (processes of an
/// older and a newer version of an app keep sharing one token).
/// </summary>
public sealed class SharedEntryNameTests
{
    private static readonly TokenCacheKey Shop = new("https://tenant.logto.app/oidc/token", "app-id", "https://shopping.api", "read:orders");

    [Fact]
    public void A_token_without_an_organization_keeps_the_entry_name_derived_from_endpoint_client_resource_and_scopes()
    {
        var pseudoRandomKey = HKDF.Extract(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes("s3cret"), Encoding.UTF8.GetBytes("LogtoGenerated shared token cache v1"));
        var name = HKDF.Expand(HashAlgorithmName.SHA256, pseudoRandomKey, 32,
            Encoding.UTF8.GetBytes("entry name\nhttps://tenant.logto.app/oidc/token\napp-id\nhttps://shopping.api\nread:orders"));

        Assert.Equal("LogtoGenerated:token:v1:" + Convert.ToHexStringLower(name), SharedTokenProtector.Create("s3cret", Shop).CacheKey);
    }

    [Fact]
    public void Tokens_of_two_organizations_and_a_token_without_one_have_three_different_entries()
    {
        var names = new[] { Shop, Shop with { OrganizationId = "org1" }, Shop with { OrganizationId = "org2" } }
            .Select(key => SharedTokenProtector.Create("s3cret", key).CacheKey)
            .ToList();

        Assert.Equal(3, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.DoesNotContain("org", name, StringComparison.Ordinal));
    }
}
