using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Request-body properties the document requires but gives a <c>default</c>: Logto fills them in, so callers may leave
/// them out. Responses keep them required, also where a request and a response use the same schema.
/// </summary>
public class ServerDefaultTests
{
    private const string AlwaysWritten = "global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.Never)";

    private const string Role = """
        {
          "type": "object",
          "required": ["name", "scopeIds", "active"],
          "properties": {
            "name": { "type": "string" },
            "scopeIds": { "type": "array", "items": { "type": "string" }, "default": [], "description": "Scopes to assign." },
            "active": { "type": "boolean", "default": false }
          }
        }
        """;

    private const string Plain = """
        { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } }
        """;

    private static OpenApiDocument RequestFirst() => new OpenApiDocument()
        .Post("/api/roles", "CreateRole", body: Role)
        .Get("/api/roles/{id}", "GetRole", response: Role)
        .Post("/api/tags", "CreateTag", body: Plain, response: Plain);

    private static OpenApiDocument ResponseFirst() => new OpenApiDocument()
        .Get("/api/roles/{id}", "GetRole", response: Role)
        .Post("/api/roles", "CreateRole", body: Role)
        .Post("/api/tags", "CreateTag", body: Plain, response: Plain);

    private static readonly ApiSpec Model = RequestFirst().BuildSpec();

    [Fact]
    public void RequiredPropertyWithADefaultIsOptionalInARequestBody()
    {
        var body = (ObjectSpec)Model.BodyType("CreateRole");

        Assert.False(body.Property("scopeIds").Required);
        Assert.False(body.Property("active").Required);
        Assert.True(body.Property("name").Required);
    }

    [Fact]
    public void TheSameSchemaInAResponseKeepsTheRequiredProperty_AsAType_OfItsOwn()
    {
        var response = (ObjectSpec)Model.ResponseType("GetRole");

        Assert.NotSame(Model.BodyType("CreateRole"), response);
        Assert.True(response.Property("scopeIds").Required);
        Assert.True(response.Property("active").Required);
    }

    [Fact]
    public void ASchemaWithoutServerDefaultsIsStillOneTypeForRequestAndResponse()
    {
        Assert.Same(Model.BodyType("CreateTag"), Model.ResponseType("CreateTag"));
    }

    [Fact]
    public void TheRuleDoesNotDependOnWhetherTheRequestOrTheResponseComesFirst()
    {
        var files = RequestFirst().Generate();
        var reordered = ResponseFirst().Generate();

        foreach (var name in new[] { "CreateRoleRequest", "Role" })
        {
            Assert.Equal(files.ModelFile(name), reordered.ModelFile(name));
        }
    }

    [Fact]
    public void OptionalServerFilledPropertyIsNullable_NotRequired_LeftOutWhenNull_AndDocumentsTheDefault()
    {
        var files = RequestFirst().Generate();
        var request = new GeneratedSource(files.ModelFile("CreateRoleRequest"));
        var response = new GeneratedSource(files.ModelFile("Role"));

        var scopeIds = request.Property("ScopeIds");
        Assert.Equal("public global::System.Collections.Generic.IList<string>? ScopeIds", GeneratedSource.Signature(scopeIds));
        Assert.DoesNotContain(AlwaysWritten, GeneratedSource.Attributes(scopeIds));
        Assert.Contains("/// Scopes to assign.", request.Text, StringComparison.Ordinal);
        Assert.Contains("/// Optional: when left out, Logto uses [].", request.Text, StringComparison.Ordinal);
        Assert.Equal("public bool? Active", GeneratedSource.Signature(request.Property("Active")));
        Assert.Equal("public required global::System.Collections.Generic.IList<string> ScopeIds", GeneratedSource.Signature(response.Property("ScopeIds")));
        Assert.Equal("public required bool Active", GeneratedSource.Signature(response.Property("Active")));
        GeneratedCompilation.AssertCompilesWithoutWarnings(files);
    }

    [Fact]
    public void ComponentSchemaUsedByARequestAndAResponse_IsSplitOnlyForTheRequest()
    {
        var model = new OpenApiDocument()
            .Schema("Role", Role)
            .Get("/api/roles/{id}", "GetRole", response: """{ "$ref": "#/components/schemas/Role" }""")
            .Post("/api/roles", "CreateRole", body: """{ "$ref": "#/components/schemas/Role" }""", response: """{ "$ref": "#/components/schemas/Role" }""")
            .BuildSpec();

        var response = (ObjectSpec)model.ResponseType("GetRole");
        var body = (ObjectSpec)model.BodyType("CreateRole");
        Assert.Same(response, model.ResponseType("CreateRole"));
        Assert.True(response.Property("scopeIds").Required);
        Assert.False(body.Property("scopeIds").Required);
    }

    [Fact]
    public void NestedObjectOfARequestBodyFollowsTheRuleToo()
    {
        var model = new OpenApiDocument()
            .Patch("/api/settings", "UpdateSettings", body: $$"""{ "type": "object", "properties": { "role": {{Role}} } }""", response: $$"""{ "type": "object", "required": ["role"], "properties": { "role": {{Role}} } }""")
            .BuildSpec();

        var nestedInBody = (ObjectSpec)((ObjectSpec)model.BodyType("UpdateSettings")).Property("role").Type.ModelOf();
        var nestedInResponse = (ObjectSpec)((ObjectSpec)model.ResponseType("UpdateSettings")).Property("role").Type.ModelOf();
        Assert.False(nestedInBody.Property("scopeIds").Required);
        Assert.True(nestedInResponse.Property("scopeIds").Required);
    }
}
