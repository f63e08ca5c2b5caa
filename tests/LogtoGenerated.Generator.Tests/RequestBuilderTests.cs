using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>The request-builder tree: path segments, path parameters and query parameters (Documents/kitchen-sink.json).</summary>
public class RequestBuilderTests
{
    private const string Http = "global::LogtoGenerated.Http";

    private static readonly ApiSpec Model = GeneratorRun.BuildSpec(GeneratorRun.Document("kitchen-sink.json"));

    private static readonly SortedDictionary<string, string> Files = GeneratorRun.Generate(GeneratorRun.Document("kitchen-sink.json"));

    [Fact]
    public void FirstPathSegmentsAreNavigationPropertiesOfTheClient()
    {
        var client = new GeneratedSource(Files["LogtoManagementClient.cs"]);

        var applications = client.Property("Applications");
        Assert.Equal("public virtual global::LogtoGenerated.RequestBuilders.Applications.ApplicationsRequestBuilder Applications", GeneratedSource.Signature(applications));
        Assert.Equal("new(RequestAdapter, \"/api\" + \"/applications\")", applications.ExpressionBody!.Expression.ToString());
    }

    [Fact]
    public void WellKnownSegmentIsAValidPropertyThatKeepsTheExactSegment()
    {
        var client = new GeneratedSource(Files["LogtoManagementClient.cs"]);

        var wellKnown = client.Property("WellKnown");
        Assert.Equal("public virtual global::LogtoGenerated.RequestBuilders.WellKnown.WellKnownRequestBuilder WellKnown", GeneratedSource.Signature(wellKnown));
        Assert.Equal("new(RequestAdapter, \"/api\" + \"/.well-known\")", wellKnown.ExpressionBody!.Expression.ToString());
        Assert.Contains("RequestBuilders/WellKnown/Endpoints/EndpointsRequestBuilder.cs", Files.Keys);
    }

    [Fact]
    public void StringPathParameterIsAnIndexerEscapingTheValue()
    {
        var applications = new GeneratedSource(Files["RequestBuilders/Applications/ApplicationsRequestBuilder.cs"]);

        var indexer = applications.Indexer();
        Assert.Equal("global::LogtoGenerated.RequestBuilders.Applications.Item.ApplicationItemRequestBuilder", indexer.Type.ToString());
        Assert.Equal(["string applicationId"], indexer.ParameterList.Parameters.Select(p => p.ToString()));
        Assert.Equal($"new(RequestAdapter, Path + \"/\" + {Http}.PathSegment.Escape(applicationId, \"applicationId\"))", indexer.ExpressionBody!.Expression.ToString());
    }

    [Fact]
    public void OperationsNamingTheSamePathParameterDifferentlyShareOneItemBuilder()
    {
        // /api/applications/{id} (DeleteApplication, GetApplication) and /api/applications/{applicationId}/roles.
        var applications = Model.Node("applications");

        var item = Assert.Single(applications.Children.Values);
        Assert.Equal(["GetApplication", "DeleteApplication"], item.Operations.Select(o => o.OperationId));
        Assert.Equal(["ListApplicationRoles"], item.Children["roles"].Operations.Select(o => o.OperationId));
        Assert.Single(item.SegmentParameters);
        Assert.Single(Files.Keys, path => path.EndsWith("/ApplicationItemRequestBuilder.cs", StringComparison.Ordinal));
        Assert.Contains("RequestBuilders/Applications/Item/Roles/RolesRequestBuilder.cs", Files.Keys);
    }

    [Fact]
    public void PathParameterBelowASegmentNamedDifferentlyByAnotherOperationIsBoundToItsOwnSegment()
    {
        // GetApplication calls the item segment {id}, GetApplicationRole {applicationId}: the builder takes applicationId
        // (the singular of "applications" plus Id), and {roleId} below it is bound to its own segment.
        var files = new OpenApiDocument()
            .Get("/api/applications/{id}", "GetApplication")
            .Get("/api/applications/{applicationId}/roles/{roleId}", "GetApplicationRole")
            .Generate();

        var item = new GeneratedSource(files["RequestBuilders/Applications/ApplicationsRequestBuilder.cs"]).Indexer();
        Assert.Equal(["string applicationId"], item.ParameterList.Parameters.Select(p => p.ToString()));
        var role = new GeneratedSource(files["RequestBuilders/Applications/Item/Roles/RolesRequestBuilder.cs"]).Indexer();
        Assert.Equal(["string roleId"], role.ParameterList.Parameters.Select(p => p.ToString()));
        Assert.Equal($"new(RequestAdapter, Path + \"/\" + {Http}.PathSegment.Escape(roleId, \"roleId\"))", role.ExpressionBody!.Expression.ToString());
    }

    [Fact]
    public void IntegerPathParameterIsAByMethodFormattingTheValueInvariantly()
    {
        var logs = new GeneratedSource(Files["RequestBuilders/Logs/LogsRequestBuilder.cs"]);

        var byPage = logs.Method("ByPage");
        Assert.Equal(["int page"], GeneratedSource.Parameters(byPage));
        Assert.Equal(
            $"new(RequestAdapter, Path + \"/\" + {Http}.PathSegment.Escape(page.ToString(global::System.Globalization.CultureInfo.InvariantCulture), \"page\"))",
            byPage.ExpressionBody!.Expression.ToString());
        Assert.DoesNotContain("this[", logs.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"number"}""", "double value", "value.ToString(\"R\", global::System.Globalization.CultureInfo.InvariantCulture)")]
    [InlineData("""{"type":"integer","format":"int64"}""", "long value", "value.ToString(global::System.Globalization.CultureInfo.InvariantCulture)")]
    [InlineData("""{"type":"boolean"}""", "bool value", "(value ? \"true\" : \"false\")")]
    [InlineData("""{"type":"string","format":"date-time"}""", "global::System.DateTimeOffset value", "value.ToString(\"O\", global::System.Globalization.CultureInfo.InvariantCulture)")]
    public void NonStringPathParametersAreFormattedLikeQueryValues(string schema, string parameter, string formatted)
    {
        var files = new OpenApiDocument()
            .Get("/api/things/{value}", "GetThing", parameters: $$"""[{"name":"value","in":"path","required":true,"schema":{{schema}}}]""")
            .Generate();

        var byValue = new GeneratedSource(files["RequestBuilders/Things/ThingsRequestBuilder.cs"]).Method("ByValue");
        Assert.Equal([parameter], GeneratedSource.Parameters(byValue));
        Assert.Contains($"PathSegment.Escape({formatted}, \"value\")", byValue.ExpressionBody!.Expression.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnumPathParameterIsAnIndexerSendingItsWireValue()
    {
        var files = new OpenApiDocument()
            .Get("/api/configs/{tokenType}", "GetConfig", parameters: """[{"name":"tokenType","in":"path","required":true,"schema":{"type":"string","enum":["access-token","client-credentials"]}}]""")
            .Generate();

        var indexer = new GeneratedSource(files["RequestBuilders/Configs/ConfigsRequestBuilder.cs"]).Indexer();
        Assert.Equal(["global::LogtoGenerated.Models.ConfigTokenType tokenType"], indexer.ParameterList.Parameters.Select(p => p.ToString()));
        Assert.Contains($"{Http}.PathSegment.Escape(tokenType.Value, \"tokenType\")", indexer.ExpressionBody!.Expression.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParametersNamedLikeCSharpKeywordsAreEscapedButSentUnderTheirWireNames()
    {
        var indexer = new GeneratedSource(Files["RequestBuilders/Hooks/HooksRequestBuilder.cs"]).Indexer();
        var get = new GeneratedSource(Files["RequestBuilders/Hooks/Item/HookItemRequestBuilder.cs"]).Method("GetAsync");

        Assert.Equal(["string @event"], indexer.ParameterList.Parameters.Select(p => p.ToString()));
        Assert.Contains($"{Http}.PathSegment.Escape(@event, \"event\")", indexer.ExpressionBody!.Expression.ToString(), StringComparison.Ordinal);
        Assert.Equal("string @class", GeneratedSource.Parameters(get)[0]);
        Assert.Contains("request.Query.Add(\"class\", @class);", GeneratedSource.Statements(get));
    }

    private static GeneratedSource Roles => new(Files["RequestBuilders/Applications/Item/Roles/RolesRequestBuilder.cs"]);

    [Fact]
    public void RequiredQueryParameterIsAMethodArgumentWrittenUnderItsWireName()
    {
        var get = Roles.Method("GetAsync");

        Assert.Equal("string search", GeneratedSource.Parameters(get)[0]);
        Assert.Equal($"global::System.Action<{Http}.RequestConfiguration<ListApplicationRolesQueryParameters>>? configure = default", GeneratedSource.Parameters(get)[1]);
        Assert.Contains("request.Query.Add(\"search\", search);", GeneratedSource.Statements(get));
        Assert.Contains("global::System.ArgumentNullException.ThrowIfNull(search);", GeneratedSource.Statements(get));
    }

    [Fact]
    public void OptionalQueryParametersAreAClassNamedAfterTheOperationWritingWireNames()
    {
        var query = Assert.IsType<ClassDeclarationSyntax>(Roles.Type("ListApplicationRolesQueryParameters"));

        Assert.Equal($"{Http}.IQueryParameters", query.BaseList!.Types.First().ToString());
        Assert.Equal(
            [
                "public int? Page",
                "public int? PageSize",
                "public bool? IncludeScopes",
                "public global::System.Collections.Generic.IList<global::LogtoGenerated.Models.ApplicationRoleType>? Types",
                "public global::System.Collections.Generic.IDictionary<string, string>? Filter",
            ],
            Roles.Properties("ListApplicationRolesQueryParameters").Select(GeneratedSource.Signature));
        Assert.Equal(
            [
                "query.Add(\"page\", Page);",
                "query.Add(\"page_size\", PageSize);",
                "query.Add(\"includeScopes\", IncludeScopes);",
                "query.AddEach(\"types\", Types);",
                "query.AddExploded(Filter);",
            ],
            GeneratedSource.Statements(Roles.Method("WriteTo")));
    }

    [Fact]
    public void TrueFalseEnumQueryParameterIsABoolean()
    {
        var includeScopes = Model.Operation("ListApplicationRoles").OptionalQuery.Single(p => p.WireName == "includeScopes");

        Assert.Equal(new PrimitiveShape(PrimitiveKind.Boolean), includeScopes.Type.Type);
        Assert.DoesNotContain(Model.Types, t => t is EnumSpec e && e.Values.Contains("true"));
    }

    [Fact]
    public void FormExplodedObjectQueryParameterIsSentEntryByEntry()
    {
        var filter = Model.Operation("ListApplicationRoles").OptionalQuery.Single(p => p.WireName == "filter");

        Assert.True(filter.Exploded);
        Assert.Equal(new MapShape(new ValueSpec(new PrimitiveShape(PrimitiveKind.String), false)), filter.Type.Type);
    }

    [Fact]
    public void OneValueOrAListOfEnumQueryParameterIsAList()
    {
        var types = Model.Operation("ListApplicationRoles").OptionalQuery.Single(p => p.WireName == "types");

        var list = Assert.IsType<ListShape>(types.Type.Type);
        Assert.Equal(["User", "MachineToMachine"], Assert.IsType<EnumSpec>(list.Item.ModelOf()).Values);
    }

    [Fact]
    public void OperationWithoutOptionalQueryParametersHasNoQueryClass()
    {
        Assert.Null(Model.Operation("GetApplication").QueryClassName);
        var get = new GeneratedSource(Files["RequestBuilders/Applications/Item/ApplicationItemRequestBuilder.cs"]).Method("GetAsync");
        Assert.Equal($"global::System.Action<{Http}.RequestConfiguration>? configure = default", GeneratedSource.Parameters(get)[0]);
    }

    [Fact]
    public void EachOperationIsOneMethodNamedAfterItsHttpMethod()
    {
        var item = new GeneratedSource(Files["RequestBuilders/Applications/Item/ApplicationItemRequestBuilder.cs"]);

        Assert.Equal("global::System.Threading.Tasks.Task<global::LogtoGenerated.Models.Application>", item.Method("GetAsync").ReturnType.ToString());
        Assert.Equal("global::System.Threading.Tasks.Task", item.Method("DeleteAsync").ReturnType.ToString());
        Assert.Contains(
            $"var request = new {Http}.RequestInformation(global::System.Net.Http.HttpMethod.Delete, \"/api/applications/{{id}}\", Path, \"DeleteApplication\");",
            GeneratedSource.Statements(item.Method("DeleteAsync")));
    }

    [Fact]
    public void TextResponseIsReturnedAsString()
    {
        var item = new GeneratedSource(Files["RequestBuilders/Logs/Item/LogItemRequestBuilder.cs"]);

        var get = item.Method("GetAsync");
        Assert.Equal("global::System.Threading.Tasks.Task<string>", get.ReturnType.ToString());
        Assert.Contains("return RequestAdapter.SendStringAsync(request, cancellationToken);", GeneratedSource.Statements(get));
    }

    [Fact]
    public void JsonResponseWithoutASchemaIsANullableJsonNodeReadAsOptional()
    {
        var files = WithResponses("/api/roles/{id}/users", "post", """{"201":{"description":"Created","content":{"application/json":{}}}}""");

        var post = new GeneratedSource(files["RequestBuilders/Roles/Item/Users/UsersRequestBuilder.cs"]).Method("PostAsync");
        Assert.Equal("global::System.Threading.Tasks.Task<global::System.Text.Json.Nodes.JsonNode?>", post.ReturnType.ToString());
        Assert.Contains("return RequestAdapter.SendOptionalAsync(request, global::LogtoGenerated.Serialization.JsonMetadata.Info<global::System.Text.Json.Nodes.JsonNode>(), cancellationToken);", GeneratedSource.Statements(post));
        Assert.Contains("Null when Logto answers without a body.", post.GetLeadingTrivia().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonResponseBesideASuccessStatusWithoutContentIsNullable()
    {
        var files = WithResponses(
            "/api/roles/{id}/scopes",
            "post",
            """{"200":{"description":"Linked."},"201":{"description":"Created","content":{"application/json":{"schema":{"type":"array","items":{"type":"string"}}}}}}""");

        var post = new GeneratedSource(files["RequestBuilders/Roles/Item/Scopes/ScopesRequestBuilder.cs"]).Method("PostAsync");
        Assert.Equal("global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<string>?>", post.ReturnType.ToString());
        Assert.Contains("return RequestAdapter.SendOptionalAsync(request, global::LogtoGenerated.Serialization.JsonMetadata.Info<global::System.Collections.Generic.IReadOnlyList<string>>(), cancellationToken);", GeneratedSource.Statements(post));
    }

    private static SortedDictionary<string, string> WithResponses(string path, string method, string responses)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(new OpenApiDocument().Operation(method, path, "Op" + method).ToJson())!;
        document["paths"]![path]![method]!["responses"] = System.Text.Json.Nodes.JsonNode.Parse(responses);
        return GeneratorRun.Generate(document.ToJsonString());
    }

    [Fact]
    public void JsonListResponseIsAReadOnlyListReadThroughTheContext()
    {
        var get = Roles.Method("GetAsync");

        Assert.Equal("global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::LogtoGenerated.Models.ApplicationRole>>", get.ReturnType.ToString());
        Assert.Contains("return RequestAdapter.SendAsync(request, global::LogtoGenerated.Serialization.JsonMetadata.Info<global::System.Collections.Generic.IReadOnlyList<global::LogtoGenerated.Models.ApplicationRole>>(), cancellationToken);", GeneratedSource.Statements(get));
    }
}
