using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Which operations get <c>GetPageAsync</c>/<c>GetAllAsync</c> (a GET with optional integer page and page_size and a JSON
/// array response), what those methods and the query classes look like, and the stream method of text responses.
/// </summary>
public class PagingTests
{
    private const string Http = "global::LogtoGenerated.Http";
    private const string Paging = "global::LogtoGenerated.Paging";
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Page = """{"name":"page","in":"query","schema":{"type":"integer","minimum":1}}""";
    private const string PageSize = """{"name":"page_size","in":"query","schema":{"type":"integer","minimum":1}}""";
    private const string PageParameters = "[" + Page + "," + PageSize + "]";
    private const string Things = """{"type":"array","items":{"$ref":"#/components/schemas/Thing"}}""";
    private const string ThingsPath = "RequestBuilders/Things/ThingsRequestBuilder.cs";

    private static OpenApiDocument Document() =>
        new OpenApiDocument().Schema("Thing", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""");

    private static GeneratedSource ThingsBuilder(OpenApiDocument document) => new(document.Generate()[ThingsPath]);

    private static bool HasMethod(GeneratedSource source, string name) =>
        source.Type("ThingsRequestBuilder").DescendantNodes().OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == name);

    [Fact]
    public void GetWithPageAndPageSizeAndArrayResponse_GetsGetPageAsyncAndGetAllAsyncHandingTheWorkToThePager()
    {
        var builder = ThingsBuilder(Document().Get("/api/things", "ListThings", Things, PageParameters));

        var getPage = builder.Method("GetPageAsync");
        var getAll = builder.Method("GetAllAsync");

        Assert.Equal($"{Task}<{Paging}.LogtoPage<global::LogtoGenerated.Models.Thing>>", getPage.ReturnType.ToString());
        Assert.Equal("global::System.Collections.Generic.IAsyncEnumerable<global::LogtoGenerated.Models.Thing>", getAll.ReturnType.ToString());
        string[] parameters =
        [
            $"global::System.Action<{Http}.RequestConfiguration<ListThingsQueryParameters>>? configure = default",
            "global::System.Threading.CancellationToken cancellationToken = default",
        ];
        Assert.Equal(parameters, GeneratedSource.Parameters(getPage));
        Assert.Equal(parameters, GeneratedSource.Parameters(getAll));
        Assert.True(getPage.Modifiers.Any(m => m.Text == "virtual") && getAll.Modifiers.Any(m => m.Text == "virtual"));
        const string NewRequest = $"() => new {Http}.RequestInformation(global::System.Net.Http.HttpMethod.Get, \"/api/things\", Path, \"ListThings\")";
        const string Rest = ", configure, global::LogtoGenerated.Serialization.JsonMetadata.Info<global::System.Collections.Generic.IReadOnlyList<global::LogtoGenerated.Models.Thing>>(), cancellationToken);";
        Assert.Equal([$"return {Paging}.LogtoPager.GetPageAsync(RequestAdapter, {NewRequest}{Rest}"], GeneratedSource.Statements(getPage));
        Assert.Equal([$"return {Paging}.LogtoPager.GetAllAsync(RequestAdapter, {NewRequest}{Rest}"], GeneratedSource.Statements(getAll));
        Assert.True(HasMethod(builder, "GetAsync"), "The plain GetAsync stays.");
    }

    [Fact]
    public void PagingMethodsDocumentHowPageAndPageSizeMapToLogto()
    {
        var builder = ThingsBuilder(Document().Get("/api/things", "ListThings", Things, PageParameters));

        var getPage = builder.Method("GetPageAsync").GetLeadingTrivia().ToFullString();
        var getAll = builder.Method("GetAllAsync").GetLeadingTrivia().ToFullString();

        Assert.Contains("from 1 (default 1)", getPage, StringComparison.Ordinal);
        Assert.Contains("from 1 to 100 (default 20, Logto's default)", getPage, StringComparison.Ordinal);
        Assert.Contains("from 1 to 100; default 100", getAll, StringComparison.Ordinal);
        Assert.Contains("operationId <c>ListThings</c>", getAll, StringComparison.Ordinal);
        Assert.Contains("<exception cref=\"global::System.ArgumentOutOfRangeException\">", getAll, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryClassOfAPagedListImplementsIPagedQueryParameters()
    {
        var builder = ThingsBuilder(Document().Get("/api/things", "ListThings", Things, PageParameters));

        var query = Assert.IsType<ClassDeclarationSyntax>(builder.Type("ListThingsQueryParameters"));

        Assert.Equal([$"{Http}.IQueryParameters", $"{Paging}.IPagedQueryParameters"], query.BaseList!.Types.Select(t => t.ToString()));
        Assert.Equal(["public int? Page", "public int? PageSize"], builder.Properties("ListThingsQueryParameters").Select(GeneratedSource.Signature));
    }

    public static TheoryData<string, string, string, string?> NotPaged => new()
    {
        { "a POST", "post", PageParameters, Things },
        { "page without page_size", "get", "[" + Page + "]", Things },
        { "page_size without page", "get", "[" + PageSize + "]", Things },
        { "an object response", "get", PageParameters, """{"type":"object","properties":{"items":{"type":"array","items":{"type":"string"}}}}""" },
        { "no response body", "get", PageParameters, null },
        { "a string page", "get", """[{"name":"page","in":"query","schema":{"type":"string"}},""" + PageSize + "]", Things },
        { "a required page", "get", """[{"name":"page","in":"query","required":true,"schema":{"type":"integer"}},""" + PageSize + "]", Things },
    };

    [Theory]
    [MemberData(nameof(NotPaged))]
    public void OperationsThatAreNotPagedListsGetNoPagingMethods(string what, string method, string parameters, string? response)
    {
        var document = Document().Operation(method, "/api/things", "ListThings", response: response, parameters: parameters);

        Assert.Null(document.BuildSpec().Operation("ListThings").Paging);
        var builder = ThingsBuilder(document);
        Assert.False(HasMethod(builder, "GetPageAsync"), what);
        Assert.False(HasMethod(builder, "GetAllAsync"), what);
        Assert.DoesNotContain("IPagedQueryParameters", builder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredQueryParametersAreArgumentsOfThePagingMethods_WrittenIntoEveryPagesRequest()
    {
        // Documents/kitchen-sink.json: ListApplicationRoles has a required "search" besides page and page_size.
        var roles = new GeneratedSource(GeneratorRun.Generate(GeneratorRun.Document("kitchen-sink.json"))["RequestBuilders/Applications/Item/Roles/RolesRequestBuilder.cs"]);

        var getAll = roles.Method("GetAllAsync");

        Assert.Equal("string search", GeneratedSource.Parameters(getAll)[0]);
        var statements = GeneratedSource.Statements(getAll);
        Assert.Equal("global::System.ArgumentNullException.ThrowIfNull(search);", statements[0]);
        var factory = Assert.Single(getAll.DescendantNodes().OfType<ParenthesizedLambdaExpressionSyntax>());
        Assert.Equal(
            [
                $"var request = new {Http}.RequestInformation(global::System.Net.Http.HttpMethod.Get, \"/api/applications/{{applicationId}}/roles\", Path, \"ListApplicationRoles\");",
                "request.Query.Add(\"search\", search);",
                "return request;",
            ],
            factory.Block!.Statements.Select(s => s.NormalizeWhitespace().ToFullString()));
        Assert.Equal(GeneratedSource.Parameters(roles.Method("GetAsync")), GeneratedSource.Parameters(roles.Method("GetPageAsync")));
    }

    [Fact]
    public void PageParametersWhoseNamesAreTakenImplementTheInterfaceExplicitly()
    {
        // "pageSize" comes first and takes the property name PageSize; page_size becomes PageSizeValue.
        var parameters = "[" + Page + """,{"name":"pageSize","in":"query","schema":{"type":"string"}},""" + PageSize + "]";
        var files = Document().Get("/api/things", "ListThings", Things, parameters).Generate();
        var builder = new GeneratedSource(files[ThingsPath]);

        var explicitPageSize = Assert.Single(builder.Type("ListThingsQueryParameters").DescendantNodes().OfType<PropertyDeclarationSyntax>(), p => p.ExplicitInterfaceSpecifier is not null);

        Assert.Equal($"int? {Paging}.IPagedQueryParameters.PageSize {{ get => PageSizeValue; set => PageSizeValue = value; }}", explicitPageSize.NormalizeWhitespace().ToFullString());
        GeneratedCompilation.AssertCompilesWithoutWarnings(files);
    }

    [Fact]
    public void TextResponseAlsoGetsAStreamMethodSentWithSendStreamAsync()
    {
        // ListThings gives the JSON context a type: a context without any is not generated into.
        var files = Document()
            .Get("/api/things", "ListThings", Things)
            .Operation("get", "/api/things/{id}/metadata", "GetThingMetadata", response: """{"type":"string"}""", responseMediaType: "text/xml")
            .Generate();
        var metadata = new GeneratedSource(files["RequestBuilders/Things/Item/Metadata/MetadataRequestBuilder.cs"]);

        var getStream = metadata.Method("GetStreamAsync");

        Assert.Equal($"{Task}<global::System.IO.Stream>", getStream.ReturnType.ToString());
        Assert.Equal(GeneratedSource.Parameters(metadata.Method("GetAsync")), GeneratedSource.Parameters(getStream));
        Assert.Equal("return RequestAdapter.SendStreamAsync(request, cancellationToken);", GeneratedSource.Statements(getStream)[^1]);
        Assert.Equal("return RequestAdapter.SendStringAsync(request, cancellationToken);", GeneratedSource.Statements(metadata.Method("GetAsync"))[^1]);
        GeneratedCompilation.AssertCompilesWithoutWarnings(files);
    }

    [Fact]
    public void JsonAndEmptyResponsesGetNoStreamMethod()
    {
        var builder = ThingsBuilder(Document().Get("/api/things", "ListThings", Things).Post("/api/things", "CreateThing", body: """{"type":"object"}"""));

        Assert.False(HasMethod(builder, "GetStreamAsync"));
        Assert.False(HasMethod(builder, "PostStreamAsync"));
    }

    [Fact]
    public void PagedListsCompileWithTheRuntimePager()
    {
        var files = Document()
            .Get("/api/things", "ListThings", Things, PageParameters)
            .Get("/api/things/{id}/parts", "ListThingParts", """{"type":"array","items":{"type":"string","nullable":true}}""",
                "[" + Page + "," + PageSize + """,{"name":"kind","in":"query","required":true,"schema":{"type":"integer"}}]""")
            .Generate();

        Assert.Contains("IAsyncEnumerable<string?> GetAllAsync(int kind,", files["RequestBuilders/Things/Item/Parts/PartsRequestBuilder.cs"], StringComparison.Ordinal);
        GeneratedCompilation.AssertCompilesWithoutWarnings(files);
    }
}
