using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Booleans in query strings, one rule: a <c>true</c>/<c>false</c> string enum is a <c>bool</c> sent as either value;
/// a plain string parameter named like a switch (<c>includeX</c>, <c>enableX</c>, <c>showX</c>, <c>removeX</c>, <c>isX</c>,
/// <c>hasX</c>), which Logto reads as a truthy string, is a <c>bool</c> sent only when true.
/// </summary>
public class QueryFlagTests
{
    private const string Parameters = """
        [
          { "name": "includeSsoIdentities", "in": "query", "schema": { "type": "string" } },
          { "name": "enableCap", "in": "query", "schema": { "type": "string" } },
          { "name": "showFeatured", "in": "query", "schema": { "type": "string" } },
          { "name": "removeUnusedDemoSocialConnector", "in": "query", "schema": { "type": "string" } },
          { "name": "hasPassword", "in": "query", "schema": { "type": "string" } },
          { "name": "isThirdParty", "in": "query", "schema": { "oneOf": [ { "type": "string", "format": "\"true\"" }, { "type": "string", "format": "\"false\"" } ] } },
          { "name": "excludeRoleId", "in": "query", "schema": { "type": "string" } },
          { "name": "include", "in": "query", "schema": { "type": "string" } },
          { "name": "isbn", "in": "query", "schema": { "type": "string" } },
          { "name": "showMode", "in": "query", "schema": { "type": "string", "enum": ["all", "some"] } },
          { "name": "includeDate", "in": "query", "schema": { "type": "string", "format": "regex", "pattern": "^\\d+$" } },
          { "name": "includeCount", "in": "query", "schema": { "type": "integer" } }
        ]
        """;

    private static readonly OpenApiDocument Document = new OpenApiDocument()
        .Get("/api/users/{isActive}", "GetUser", response: """{ "type": "string" }""", parameters: Parameters);

    private static readonly ApiSpec Model = Document.BuildSpec();

    private static readonly SortedDictionary<string, string> Files = Document.Generate();

    private static ParameterSpec Query(string wireName) => Model.Operation("GetUser").OptionalQuery.Single(p => p.WireName == wireName);

    [Theory]
    [InlineData("includeSsoIdentities")]
    [InlineData("enableCap")]
    [InlineData("showFeatured")]
    [InlineData("removeUnusedDemoSocialConnector")]
    [InlineData("hasPassword")]
    public void StringParameterNamedLikeASwitchIsABooleanSentOnlyWhenTrue(string wireName)
    {
        var parameter = Query(wireName);

        Assert.Equal(new PrimitiveShape(PrimitiveKind.Boolean), parameter.Type.Type);
        Assert.True(parameter.SentOnlyWhenTrue);
    }

    [Fact]
    public void TrueFalseEnumIsABooleanSentAsTrueOrFalse()
    {
        var parameter = Query("isThirdParty");

        Assert.Equal(new PrimitiveShape(PrimitiveKind.Boolean), parameter.Type.Type);
        Assert.False(parameter.SentOnlyWhenTrue);
    }

    [Theory]
    [InlineData("excludeRoleId", nameof(PrimitiveKind.String))]
    [InlineData("include", nameof(PrimitiveKind.String))]
    [InlineData("isbn", nameof(PrimitiveKind.String))]
    [InlineData("includeDate", nameof(PrimitiveKind.String))]
    [InlineData("includeCount", nameof(PrimitiveKind.Int32))]
    public void OtherParametersKeepTheirType(string wireName, string kind)
    {
        var parameter = Query(wireName);

        Assert.Equal(new PrimitiveShape(Enum.Parse<PrimitiveKind>(kind)), parameter.Type.Type);
        Assert.False(parameter.SentOnlyWhenTrue);
    }

    [Fact]
    public void StringEnumNamedLikeASwitchStaysAnEnum()
    {
        Assert.IsType<NamedShape>(Query("showMode").Type.Type);
    }

    [Fact]
    public void PathParameterNamedLikeASwitchStaysAString()
    {
        var parameter = Assert.Single(Model.Node("users", "{}").SegmentParameters);

        Assert.Equal(new PrimitiveShape(PrimitiveKind.String), parameter.Type.Type);
    }

    [Fact]
    public void FlagIsABoolPropertyWrittenWithAddFlag_TrueFalseEnumWithAdd_AndTheDocumentationSaysHow()
    {
        var builder = new GeneratedSource(Files["RequestBuilders/Users/Item/UserItemRequestBuilder.cs"]);

        Assert.Equal("public bool? IncludeSsoIdentities", GeneratedSource.Signature(builder.Property("IncludeSsoIdentities")));
        Assert.Equal("public bool? IsThirdParty", GeneratedSource.Signature(builder.Property("IsThirdParty")));
        var statements = GeneratedSource.Statements(builder.Method("WriteTo"));
        Assert.Contains("query.AddFlag(\"includeSsoIdentities\", IncludeSsoIdentities);", statements);
        Assert.Contains("query.Add(\"isThirdParty\", IsThirdParty);", statements);
        Assert.Contains(
            "/// Sent as <c>includeSsoIdentities=true</c> when <see langword=\"true\"/>; left out when <see langword=\"false\"/> or <see langword=\"null\"/>, which Logto reads as false.",
            builder.Text,
            StringComparison.Ordinal);
        GeneratedCompilation.AssertCompilesWithoutWarnings(Files);
    }
}
