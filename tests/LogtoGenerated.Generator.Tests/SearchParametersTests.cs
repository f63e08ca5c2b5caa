using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>Lists taking Logto's <c>search_params</c> get a typed <c>LogtoSearch</c> on their query class.</summary>
public class SearchParametersTests
{
    private const string Http = "global::LogtoGenerated.Http";
    private const string Search = "global::LogtoGenerated.Search";
    private const string SearchParams = """{"name":"search_params","in":"query","style":"form","explode":true,"schema":{"type":"object","additionalProperties":{"type":"string"}}}""";
    private const string Things = """{"type":"array","items":{"$ref":"#/components/schemas/Thing"}}""";
    private const string ThingsPath = "RequestBuilders/Things/ThingsRequestBuilder.cs";

    private static OpenApiDocument Document() =>
        new OpenApiDocument().Schema("Thing", """{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}""");

    [Fact]
    public void QueryClassWithSearchParamsTakesALogtoSearchWrittenAfterTheOtherParameters()
    {
        var files = Document().Get("/api/things", "ListThings", Things, "[" + SearchParams + "]").Generate();
        var builder = new GeneratedSource(files[ThingsPath]);

        var query = Assert.IsType<ClassDeclarationSyntax>(builder.Type("ListThingsQueryParameters"));

        Assert.Equal([$"{Http}.IQueryParameters", $"{Search}.ISearchableQueryParameters"], query.BaseList!.Types.Select(t => t.ToString()));
        Assert.Contains($"public {Search}.LogtoSearch? Search", builder.Properties("ListThingsQueryParameters").Select(GeneratedSource.Signature));
        var writeTo = Assert.Single(query.Members.OfType<MethodDeclarationSyntax>(), m => m.Identifier.ValueText == "WriteTo");
        Assert.Equal(["query.AddExploded(SearchParams);", "Search?.WriteTo(query);"], GeneratedSource.Statements(writeTo));
        GeneratedCompilation.AssertCompilesWithoutWarnings(files);
    }

    [Fact]
    public void AParameterNamedSearchLeavesTheTypedSearchToAdvancedSearch()
    {
        const string SearchText = """{"name":"search","in":"query","schema":{"type":"string"}}""";
        var files = Document().Get("/api/things", "ListThings", Things, "[" + SearchText + "," + SearchParams + "]").Generate();
        var builder = new GeneratedSource(files[ThingsPath]);

        var signatures = builder.Properties("ListThingsQueryParameters").Select(GeneratedSource.Signature).ToList();

        Assert.Contains("public string? Search", signatures);
        Assert.Contains($"public {Search}.LogtoSearch? AdvancedSearch", signatures);
        Assert.Contains($"{Search}.ISearchableQueryParameters.Search", builder.Text, StringComparison.Ordinal);
        GeneratedCompilation.AssertCompilesWithoutWarnings(files);
    }

    [Fact]
    public void AnOrdinaryMapParameterIsNotTakenForSearch()
    {
        const string Filters = """{"name":"filters","in":"query","style":"form","explode":true,"schema":{"type":"object","additionalProperties":{"type":"string"}}}""";
        var builder = new GeneratedSource(Document().Get("/api/things", "ListThings", Things, "[" + Filters + "]").Generate()[ThingsPath]);

        Assert.DoesNotContain("ISearchableQueryParameters", builder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("LogtoSearch", builder.Text, StringComparison.Ordinal);
    }
}
