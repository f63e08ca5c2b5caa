using System.Text;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Request types only offer what the server accepts: properties the server sets itself (overrides.json's
/// serverManagedRequestProperties) are left out of request bodies and kept in responses; a placeholder property
/// (<c>[translationKey]</c>) makes the object a map from any key.
/// </summary>
public sealed class ServerManagedPropertyTests : IDisposable
{
    private const string Role = """{"type":"object","required":["name"],"properties":{"tenantId":{"type":"string"},"name":{"type":"string"},"createdAt":{"type":"number"}}}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("logto-server-managed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ApiSpec Build(OpenApiDocument document, string overrides)
    {
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.OverridesFileName), overrides);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJson()));
        return CodeGenerator.BuildSpec(stream, GeneratorRun.Options, GeneratorInputs.FromFolder(_folder));
    }

    [Fact]
    public void ServerManagedPropertiesAreLeftOutOfRequestBodiesAndKeptInResponses()
    {
        var model = Build(
            new OpenApiDocument().Post("/api/roles", "CreateRole", body: Role, response: Role),
            """{"serverManagedRequestProperties":["tenantId","createdAt"]}""");

        var body = (ObjectSpec)model.BodyType("CreateRole");
        var response = (ObjectSpec)model.ResponseType("CreateRole");
        Assert.Equal(["name"], body.Properties.Select(p => p.WireName));
        Assert.Equal(["tenantId", "name", "createdAt"], response.Properties.Select(p => p.WireName));
    }

    [Fact]
    public void WithoutTheListRequestBodiesKeepEveryProperty()
    {
        var model = Build(new OpenApiDocument().Post("/api/roles", "CreateRole", body: Role), """{"types":{}}""");

        Assert.Contains("tenantId", ((ObjectSpec)model.BodyType("CreateRole")).Properties.Select(p => p.WireName));
    }

    [Fact]
    public void ServerManagedPropertyInNoRequestBodyFailsNamingTheOverridesFile()
    {
        var error = Assert.Throws<GeneratorException>(() => Build(
            new OpenApiDocument().Post("/api/roles", "CreateRole", body: Role),
            """{"serverManagedRequestProperties":["tenantId","updatedAt"]}"""));

        Assert.StartsWith(Path.Combine(_folder, GeneratorInputs.OverridesFileName) + "#/serverManagedRequestProperties", error.Message, StringComparison.Ordinal);
        Assert.Contains("'updatedAt' is in no request body", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceholderPropertyMakesTheObjectAMapOfNestableValues()
    {
        var model = new OpenApiDocument()
            .Put("/api/custom-phrases/{languageTag}", "ReplaceCustomPhrase", body: """{"type":"object","properties":{"[translationKey]":{"oneOf":[{"type":"string"}]}}}""")
            .BuildSpec();

        var body = model.Operation("ReplaceCustomPhrase").Body!.Type;
        var map = Assert.IsType<MapShape>(body.Type);
        // A phrase is a string or a nested group of phrases: any JSON value.
        Assert.Equal(new PrimitiveShape(PrimitiveKind.Json), map.Value.Type);
        Assert.Empty(model.Types);
    }

    [Fact]
    public void PlaceholderPropertyWithAnObjectValueMapsToThatType()
    {
        var model = new OpenApiDocument()
            .Get("/api/things", "GetThings", response: """{"type":"object","properties":{"[thingId]":{"type":"object","properties":{"size":{"type":"integer"}}}}}""")
            .BuildSpec();

        var map = Assert.IsType<MapShape>(model.Operation("GetThings").Response.Type!.Type);
        Assert.IsType<ObjectSpec>(Assert.IsType<NamedShape>(map.Value.Type).Type);
    }

    [Fact]
    public void RealDocumentHasNoRequestTypeWithTenantIdOrCreatedAt()
    {
        using var stream = File.OpenRead(RepositoryFiles.LogtoDocument);
        var model = CodeGenerator.BuildSpec(stream, GeneratorRun.Options, GeneratorInputs.FromFolder(Path.GetDirectoryName(RepositoryFiles.LogtoDocument)!));

        // The bodies themselves; objects nested in them may carry such fields as data (a JWT sample's user.createdAt).
        var requestTypes = model.Operations().Select(o => o.Body?.Type.Type).OfType<NamedShape>().Select(m => m.Type).ToList();

        Assert.True(requestTypes.Count > 100, $"{requestTypes.Count} request types");
        Assert.DoesNotContain(requestTypes.OfType<ObjectSpec>(), t => t.Properties.Any(p => p.WireName is "tenantId" or "createdAt"));
        Assert.Contains(model.Types.OfType<ObjectSpec>(), t => t.Name == "Role" && t.Properties.Any(p => p.WireName == "tenantId"));
    }
}
