using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>Malformed or unsupported documents fail with a <see cref="GeneratorException"/> naming the JSON pointer of the problem.</summary>
public class ErrorTests
{
    private const string Object = """{"type":"object","properties":{"id":{"type":"string"}}}""";

    [Fact]
    public void AllOfIsRejectedAtTheAllOf()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Get("/api/users/{id}", "GetUser", response: """{"type":"object","properties":{"profile":{"allOf":[{"type":"object"}]}}}""")
            .ToJson());

        Assert.Equal("#/paths/~1api~1users~1{id}/get/responses/200/content/application~1json/schema/properties/profile/allOf", error.Pointer);
        Assert.EndsWith("/allOf", error.Pointer, StringComparison.Ordinal);
        Assert.Contains("allOf is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllOfInAComponentIsRejectedAtTheComponent()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Schema("User", """{"allOf":[{"type":"object","properties":{"id":{"type":"string"}}}]}""")
            .Get("/api/users/{id}", "GetUser", response: """{"$ref":"#/components/schemas/User"}""")
            .ToJson());

        Assert.Equal("#/components/schemas/User/allOf", error.Pointer);
    }

    [Fact]
    public void NotIsRejectedAtTheNot()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Get("/api/users", "ListUsers", response: """{"type":"object","properties":{"name":{"not":{"type":"string"}}}}""")
            .ToJson());

        Assert.Equal("#/paths/~1api~1users/get/responses/200/content/application~1json/schema/properties/name/not", error.Pointer);
    }

    [Fact]
    public void PathParameterThatThePathDoesNotHoldIsRejectedAtTheParameter()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Get("/api/users/{id}", "GetUser", response: Object, parameters: """[{"name":"userId","in":"path","required":true,"schema":{"type":"string"}}]""")
            .ToJson());

        Assert.StartsWith("#/paths/~1api~1users~1{id}/get/parameters/0", error.Pointer, StringComparison.Ordinal);
        Assert.Contains("userId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOperationIdIsRejectedAtTheOperation()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument().Get("/api/users", operationId: null!, response: Object).ToJson());

        Assert.Equal("#/paths/~1api~1users/get", error.Pointer);
        Assert.Contains("no operationId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateOperationIdIsRejectedAtTheSecondOperationsId()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Get("/api/users", "ListThings", response: Object)
            .Get("/api/roles", "ListThings", response: Object)
            .ToJson());

        Assert.Equal("#/paths/~1api~1roles/get/operationId", error.Pointer);
        Assert.Contains("'ListThings'", error.Message, StringComparison.Ordinal);
        Assert.Contains("unique", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndeclaredPathParameterIsRejectedAtThePath()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Operation("get", "/api/users/{userId}/roles", "ListUserRoles", response: Object, declarePathParameters: false)
            .ToJson());

        Assert.Equal("#/paths/~1api~1users~1{userId}~1roles", error.Pointer);
        Assert.Contains("'{userId}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ListUserRoles", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathParameterThatCannotBeWrittenIntoAPathIsRejectedAtItsSchema()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Get("/api/users/{filter}", "GetUser", parameters: """[{"name":"filter","in":"path","required":true,"schema":{"type":"object","properties":{"a":{"type":"string"}}}}]""")
            .ToJson());

        Assert.Equal("#/paths/~1api~1users~1{filter}/get/parameters/0/schema", error.Pointer);
        Assert.Contains("'filter'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"openapi\": \"3.0.1\", ")]
    [InlineData("{ not json }")]
    public void InvalidJsonIsRejectedAtTheDocumentRootSayingWhere(string json)
    {
        var error = GeneratorRun.Fails(json);

        Assert.Equal("#", error.Pointer);
        Assert.Contains("LineNumber: 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentWithoutPathsIsRejected()
    {
        var error = GeneratorRun.Fails("""{"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{}}""");

        Assert.Equal("#/paths", error.Pointer);
    }

    [Fact]
    public void UnsupportedRequestMediaTypeIsRejectedAtTheBodysContentNamingTheSupportedOnes()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Operation("post", "/api/users", "CreateUser", body: Object, bodyMediaType: "application/xml")
            .ToJson());

        Assert.Equal("#/paths/~1api~1users/post/requestBody/content", error.Pointer);
        Assert.Contains("'application/xml'", error.Message, StringComparison.Ordinal);
        Assert.Contains("application/json", error.Message, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MultipartBodyThatIsNotAnObjectIsRejectedAtItsSchema()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Operation("post", "/api/assets", "CreateAsset", body: """{"type":"string"}""", bodyMediaType: "multipart/form-data")
            .ToJson());

        Assert.Equal("#/paths/~1api~1assets/post/requestBody/content/multipart~1form-data/schema", error.Pointer);
    }

    [Fact]
    public void PathOutsideTheBasePathIsRejectedAtThePath()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument().Get("/users", "ListUsers", response: Object).ToJson());

        Assert.Equal("#/paths/~1users", error.Pointer);
        Assert.Contains("--base-path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecursiveComponentIsRejectedAtTheReference()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument()
            .Schema("Node", """{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}""")
            .Get("/api/nodes/{id}", "GetNode", response: """{"$ref":"#/components/schemas/Node"}""")
            .ToJson());

        Assert.Equal("#/components/schemas/Node/properties/children/items/$ref", error.Pointer);
        Assert.Contains("'Node'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageStartsWithThePointer()
    {
        var error = GeneratorRun.Fails(new OpenApiDocument().Get("/api/users", operationId: null!, response: Object).ToJson());

        Assert.StartsWith(error.Pointer + ": ", error.Message, StringComparison.Ordinal);
    }
}
