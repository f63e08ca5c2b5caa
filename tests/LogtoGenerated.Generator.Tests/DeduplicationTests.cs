using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>Inline schemas with the same structure become one model type, whatever operation they come from.</summary>
public class DeduplicationTests
{
    private const string Application = """
        {"type":"object","description":"An application.","required":["id","name"],"properties":{
          "id":{"type":"string","description":"The id."},
          "name":{"type":"string"},
          "description":{"type":"string","nullable":true}}}
        """;

    private const string SameApplicationOtherDescriptions = """
        {"type":"object","description":"The application that was updated.","required":["name","id"],"properties":{
          "name":{"type":"string","description":"Its display name."},
          "description":{"type":"string","nullable":true,"description":"Free text."},
          "id":{"type":"string","description":"Another wording of the id."}}}
        """;

    [Fact]
    public void InlineObjectsThatDifferOnlyInDescriptionsAndPropertyOrderBecomeOneType()
    {
        var model = new OpenApiDocument()
            .Get("/api/applications/{id}", "GetApplication", response: Application)
            .Operation("patch", "/api/applications/{id}", "UpdateApplication", response: SameApplicationOtherDescriptions)
            .BuildSpec();

        var type = Assert.IsType<ObjectSpec>(Assert.Single(model.Types));
        Assert.Equal("Application", type.Name);
        Assert.Same(type, model.ResponseType("GetApplication"));
        Assert.Same(type, model.ResponseType("UpdateApplication"));

        // The first description wins, for the type and for each property.
        Assert.Equal("An application.", type.Description);
        Assert.Equal("The id.", type.Property("id").Description);
        Assert.Equal("Its display name.", type.Property("name").Description);
    }

    [Fact]
    public void InlineObjectsWithDifferentPropertiesBecomeTwoTypes()
    {
        var model = new OpenApiDocument()
            .Get("/api/applications/{id}", "GetApplication", response: Application)
            .Get("/api/applications/{id}/secret", "GetApplicationSecret", response: """{"type":"object","required":["id","secret"],"properties":{"id":{"type":"string"},"secret":{"type":"string"}}}""")
            .BuildSpec();

        Assert.Equal(2, model.Types.Length);
        Assert.NotSame(model.ResponseType("GetApplication"), model.ResponseType("GetApplicationSecret"));
    }

    [Theory]
    [InlineData("required", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"},"name":{"type":"string"},"description":{"type":"string","nullable":true}}}""")]
    [InlineData("nullability", """{"type":"object","required":["id","name"],"properties":{"id":{"type":"string"},"name":{"type":"string"},"description":{"type":"string"}}}""")]
    [InlineData("property type", """{"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},"description":{"type":"string","nullable":true}}}""")]
    public void InlineObjectsThatDifferInOnePropertysContractBecomeTwoTypes(string difference, string other)
    {
        var model = new OpenApiDocument()
            .Get("/api/applications/{id}", "GetApplication", response: Application)
            .Get("/api/other/{id}", "GetOther", response: other)
            .BuildSpec();

        Assert.True(model.Types.Length == 2, $"A difference in {difference} must keep the shapes apart.");
    }

    [Fact]
    public void IdenticalNestedObjectsAreSharedByTheirDifferentParents()
    {
        const string Address = """{"type":"object","properties":{"street":{"type":"string"},"city":{"type":"string"}}}""";
        var model = new OpenApiDocument()
            .Get("/api/users/{id}", "GetUser", response: """{"type":"object","properties":{"id":{"type":"string"},"homeAddress":""" + Address + "}}")
            .Get("/api/organizations/{id}", "GetOrganization", response: """{"type":"object","properties":{"name":{"type":"string"},"homeAddress":""" + Address + "}}")
            .BuildSpec();

        var user = (ObjectSpec)model.ResponseType("GetUser");
        var organization = (ObjectSpec)model.ResponseType("GetOrganization");
        Assert.Same(user.Property("homeAddress").Type.ModelOf(), organization.Property("homeAddress").Type.ModelOf());
        Assert.Equal(3, model.Types.Length);
    }

    [Fact]
    public void AnInlineSchemaIdenticalToAComponentIsTheComponentsType()
    {
        var model = new OpenApiDocument()
            .Schema("Scope", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""")
            .Get("/api/scopes/{id}", "GetScope", response: """{"$ref":"#/components/schemas/Scope"}""")
            .Get("/api/resources/{id}/scopes", "ListResourceScopes", response: """{"type":"array","items":{"type":"object","required":["id"],"properties":{"id":{"type":"string","description":"inline"}}}}""")
            .BuildSpec();

        var scope = Assert.Single(model.Types);
        Assert.Equal("Scope", scope.Name);
        Assert.Same(scope, model.ResponseType("ListResourceScopes"));
    }
}
