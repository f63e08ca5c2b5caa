using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// The parameter of a single-parameter segment's indexer is named after what it indexes, whatever the document's order:
/// <c>{singular of the parent segment}Id</c> when an operation uses it, else the name most operations use, ties broken
/// by ordinal order. Every operation still fills and reports its own URL template.
/// </summary>
public class PathParameterNamingTests
{
    private const string Text = """{ "type": "string" }""";

    private static OpenApiDocument Widgets(bool reversed)
    {
        var document = new OpenApiDocument();
        var operations = new List<Action<OpenApiDocument>>
        {
            d => d.Get("/api/widgets/{id}", "GetWidget", response: Text),
            d => d.Operation("delete", "/api/widgets/{id}", "DeleteWidget"),
            d => d.Patch("/api/widgets/{id}", "UpdateWidget", body: Text, response: Text),
            d => d.Get("/api/widgets/{widgetId}/parts", "ListWidgetParts", response: Text, parameters: """
                [{ "name": "widgetId", "in": "path", "required": true, "description": "The widget's id.", "schema": { "type": "string" } }]
                """),
            d => d.Get("/api/things/{id}", "GetThing", response: Text),
            d => d.Operation("delete", "/api/things/{id}", "DeleteThing"),
            d => d.Get("/api/things/{key}/parts", "ListThingParts", response: Text),
            d => d.Get("/api/gadgets/{b}", "GetGadget", response: Text),
            d => d.Get("/api/gadgets/{a}/parts", "ListGadgetParts", response: Text),
        };
        if (reversed)
        {
            operations.Reverse();
        }

        operations.ForEach(add => add(document));
        return document;
    }

    private static readonly ApiSpec Model = Widgets(reversed: false).BuildSpec();

    private static readonly SortedDictionary<string, string> Files = Widgets(reversed: false).Generate();

    [Fact]
    public void SingularOfTheParentSegmentPlusIdWins_EvenWhenFewerOperationsUseIt()
    {
        var item = Model.Node("widgets", "{}");

        Assert.Equal("widgetId", Assert.Single(item.SegmentParameters).WireName);
        Assert.Equal("{widgetId}", item.Segment);
        Assert.Equal("/api/widgets/{widgetId}", item.PathTemplate);
        Assert.Equal("/api/widgets/{widgetId}/parts", item.Children["parts"].PathTemplate);
    }

    [Fact]
    public void WithoutThatName_TheNameMostOperationsUseWins()
    {
        Assert.Equal("id", Assert.Single(Model.Node("things", "{}").SegmentParameters).WireName);
    }

    [Fact]
    public void ATieIsBrokenByOrdinalOrder()
    {
        Assert.Equal("a", Assert.Single(Model.Node("gadgets", "{}").SegmentParameters).WireName);
    }

    [Fact]
    public void TheChoiceDoesNotDependOnTheDocumentOrder()
    {
        var reversed = Widgets(reversed: true).Generate();

        Assert.Equal(Files.Keys, reversed.Keys);
        Assert.All(Files, file => Assert.Equal(file.Value, reversed[file.Key]));
    }

    [Fact]
    public void IndexerTakesTheChosenName_WithTheDescriptionOfAnOperationUsingIt()
    {
        var widgets = new GeneratedSource(Files["RequestBuilders/Widgets/WidgetsRequestBuilder.cs"]);

        var indexer = widgets.Indexer();
        Assert.Equal(["string widgetId"], indexer.ParameterList.Parameters.Select(p => p.ToString()));
        Assert.Equal("new(RequestAdapter, Path + \"/\" + global::LogtoGenerated.Http.PathSegment.Escape(widgetId, \"widgetId\"))", indexer.ExpressionBody!.Expression.ToString());
        Assert.Contains("/// <param name=\"widgetId\">The widget's id.</param>", widgets.Text, StringComparison.Ordinal);
        Assert.Contains("/// <summary>Requests to <c>/api/widgets/{widgetId}</c>.</summary>", widgets.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOperationStillReportsItsOwnTemplate_ItsUrlComingFromTheBuildersConcretePath()
    {
        var item = new GeneratedSource(Files["RequestBuilders/Widgets/Item/WidgetItemRequestBuilder.cs"]);
        var parts = new GeneratedSource(Files["RequestBuilders/Widgets/Item/Parts/PartsRequestBuilder.cs"]);

        Assert.Contains("new global::LogtoGenerated.Http.RequestInformation(global::System.Net.Http.HttpMethod.Get, \"/api/widgets/{id}\", Path, \"GetWidget\")", item.Text, StringComparison.Ordinal);
        Assert.Contains("new global::LogtoGenerated.Http.RequestInformation(global::System.Net.Http.HttpMethod.Delete, \"/api/widgets/{id}\", Path, \"DeleteWidget\")", item.Text, StringComparison.Ordinal);
        Assert.Contains("new global::LogtoGenerated.Http.RequestInformation(global::System.Net.Http.HttpMethod.Get, \"/api/widgets/{widgetId}/parts\", Path, \"ListWidgetParts\")", parts.Text, StringComparison.Ordinal);
        Assert.Contains("public virtual global::LogtoGenerated.RequestBuilders.Widgets.Item.Parts.PartsRequestBuilder Parts => new(RequestAdapter, Path + \"/parts\");", item.Text, StringComparison.Ordinal);
        GeneratedCompilation.AssertCompilesWithoutWarnings(Files);
    }
}
