using System.Text.Json.Nodes;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Http;
using LogtoGenerated.Tests.Infrastructure;

namespace LogtoGenerated.Tests.Generated;

/// <summary>
/// Custom phrases through the typed API: a phrase is a string or a nested group of phrases, written and read as a
/// dictionary (Logto answers 400 localization.invalid_translation_structure to anything else); and request types without
/// the properties the server sets itself.
/// </summary>
public sealed class CustomPhraseTests : PipelineTestBase
{
    private const string Stored = """{"tenantId":"default","id":"p1","languageTag":"en","translation":{"input":{"username":"User name"}}}""";

    [Fact]
    public async Task PutCustomPhrases_SendsTheNestedPhrasesExactly()
    {
        Server.RespondWith(FakeResponse.Json(200, Stored));

        await Client.CustomPhrases["en"].PutAsync(new Dictionary<string, JsonNode>
        {
            ["input"] = new JsonObject { ["username"] = "User name" },
        });

        var request = Assert.Single(Server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/api/custom-phrases/en", request.Path);
        Assert.Equal("""{"input":{"username":"User name"}}""", request.BodyText);
    }

    [Fact]
    public async Task GetCustomPhrases_ReadsTheNestedPhrasesIntoTheSameShape()
    {
        Server.RespondWith(FakeResponse.Json(200, Stored));

        CustomPhrase phrase = await Client.CustomPhrases["en"].GetAsync();

        Assert.Equal("en", phrase.LanguageTag);
        Assert.Equal("User name", phrase.Translation["input"]["username"]!.GetValue<string>());
        Assert.Equal("""{"input":{"username":"User name"}}""", new JsonObject(phrase.Translation.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value.DeepClone()))).ToJsonString());
    }

    [Fact]
    public void RequestTypesOfferNoServerManagedProperties()
    {
        // Logto sets tenantId (the caller's tenant) and createdAt (now) whatever a request says.
        Type[] requestTypes =
        [
            typeof(CreateRoleRequest), typeof(CreateResourceRequest), typeof(CreateOrganizationRequest), typeof(CreateHookRequest),
            typeof(UpdateSignInExpRequest), typeof(UpdateHookRequest), typeof(UpdateOrganizationRequest), typeof(CreateOrganizationRoleRequest),
            typeof(UpdateOrganizationRoleRequest), typeof(CreateScopeRequest), typeof(UpdateScopeRequest), typeof(UpdateResourceRequest),
        ];

        Assert.All(requestTypes, type =>
        {
            Assert.Null(type.GetProperty("TenantId"));
            Assert.Null(type.GetProperty("CreatedAt"));
        });
        Assert.NotNull(typeof(Role).GetProperty("TenantId"));
        Assert.NotNull(typeof(Hook).GetProperty("CreatedAt"));
    }
}
