using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Model;

/// <summary>
/// What the document says, with no name of the client's in it: the path tree with its operations, and the shapes of
/// its schemas. Parsing builds it; naming (<see cref="Naming.SurfaceNamer"/>) reads it, without changing it, into the
/// client's <see cref="Spec.ApiSpec"/>. The few properties with a setter are those parsing settles after making the
/// object (an operation's body, response, paging and search once its parameters are read; a segment's parameter once
/// every path is read; presence tracking once the PATCH bodies are known; a shape's pointer and description from its
/// first use); everything else is set when made.
/// </summary>
internal sealed class ApiModel(RequestBuilderNode root, IReadOnlyList<ModelType> types)
{
    public RequestBuilderNode Root { get; } = root;

    /// <summary>The shapes, in order of first appearance.</summary>
    public IReadOnlyList<ModelType> Types { get; } = types;

}

/// <summary>One node of the URL path tree: one request builder of the client.</summary>
internal sealed class RequestBuilderNode(string segment, RequestBuilderNode? parent)
{
    /// <summary>
    /// The wire segment: <c>users</c>, <c>{userId}</c> or <c>.well-known</c>; empty for the root. A single-parameter
    /// segment is named after the parameter its indexer takes (see <see cref="ParameterUses"/>).
    /// </summary>
    public string Segment { get; set; } = segment;
    public RequestBuilderNode? Parent { get; } = parent;
    public SortedDictionary<string, RequestBuilderNode> Children { get; } = new(StringComparer.Ordinal);
    public List<OperationModel> Operations { get; } = [];

    /// <summary>The parameters this segment binds, for parameter segments (one for <c>{id}</c>).</summary>
    public List<ParameterModel> SegmentParameters { get; } = [];

    /// <summary>
    /// For a single-parameter segment: the path parameter as each operation at or below it declares it, with that
    /// operation. Operations may name the one value differently (<c>{id}</c>, <c>{applicationId}</c>); the builder's
    /// parameter is chosen among these, whatever their order in the document.
    /// </summary>
    public List<(ParameterModel Parameter, OperationModel Operation)> ParameterUses { get; } = [];

    /// <summary>The path template up to and including this segment, e.g. <c>/api/users/{userId}</c>.</summary>
    public string PathTemplate { get; set; } = "";

    public bool IsParameter => Segment.Contains('{', StringComparison.Ordinal);

    /// <summary>This node and every node below it, in pre-order: a node, then each child's subtree in segment order.</summary>
    public IEnumerable<RequestBuilderNode> DescendantsAndSelf()
    {
        var stack = new Stack<RequestBuilderNode>([this]);
        while (stack.TryPop(out var node))
        {
            yield return node;
            foreach (var child in node.Children.Values.Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>The builders from the first segment after the base path down to this one; empty for the root.</summary>
    public IReadOnlyList<RequestBuilderNode> PathNodes()
    {
        var nodes = new List<RequestBuilderNode>();
        for (var current = this; current.Parent is not null; current = current.Parent)
        {
            nodes.Add(current);
        }

        nodes.Reverse();
        return nodes;
    }

    /// <summary>
    /// <see cref="PathNodes"/>, each with its segment of <paramref name="pathTemplate"/>, the path of an operation of this
    /// builder: the builders stand for the path's segments after the base path, in order. The segments are the
    /// operation's own, which may name a single parameter differently from <see cref="Segment"/>.
    /// </summary>
    public IReadOnlyList<(RequestBuilderNode Node, string Segment)> PathSegments(string pathTemplate)
    {
        var nodes = PathNodes();
        var segments = pathTemplate.Split('/');
        var offset = segments.Length - nodes.Count;
        return [.. nodes.Select((node, i) => (node, segments[offset + i]))];
    }
}

/// <summary>One HTTP operation of the document.</summary>
internal sealed class OperationModel
{
    /// <summary>The HTTP method, one of <see cref="OperationSpec.HttpMethods"/>: <c>Get</c>.</summary>
    public required string HttpMethod { get; init; }
    public required string OperationId { get; init; }
    public required string PathTemplate { get; init; }
    public string? Summary { get; init; }

    public string? Description { get; init; }
    public bool Deprecated { get; init; }

    /// <summary>Query parameters the caller may omit: properties of the query-parameters class.</summary>
    public List<ParameterModel> OptionalQuery { get; } = [];

    /// <summary>Query parameters the document requires: method arguments.</summary>
    public List<ParameterModel> RequiredQuery { get; } = [];

    public RequestBodyModel? Body { get; set; }
    public ResponseModel Response { get; set; } = ResponseModel.None;

    /// <summary>How the operation pages, for a paged list; null for any other operation.</summary>
    public PagingModel? Paging { get; set; }

    /// <summary>
    /// The exploded <c>search_params</c> query parameter of a list taking Logto's advanced search; null for other
    /// operations. Its query class implements <c>ISearchableQueryParameters</c> (a typed <c>LogtoSearch</c>).
    /// </summary>
    public ParameterModel? SearchParams { get; set; }
}

/// <summary>
/// A paged list: a GET with optional integer <c>page</c> and <c>page_size</c> query parameters and a JSON array
/// response. Its query class implements <c>IPagedQueryParameters</c>, and it gets <c>GetPageAsync</c> and <c>GetAllAsync</c>.
/// </summary>
/// <param name="Page">The <c>page</c> query parameter (one of the operation's optional ones).</param>
/// <param name="PageSize">The <c>page_size</c> query parameter (one of the operation's optional ones).</param>
/// <param name="Item">The type of the array's items.</param>
internal sealed record PagingModel(ParameterModel Page, ParameterModel PageSize, TypeUse Item);

/// <summary>A path or query parameter.</summary>
internal sealed class ParameterModel(string wireName, TypeUse type)
{
    public string WireName { get; } = wireName;

    /// <summary>The parameter's type, as the document refers to it.</summary>
    public TypeUse Type { get; } = type;
    public string? Description { get; init; }

    /// <summary>A <c>style: form, explode: true</c> object: every key becomes its own query parameter.</summary>
    public bool Exploded { get; init; }

    /// <summary>
    /// A boolean query flag Logto reads as a truthy string: sent as <c>name=true</c> when true and left out otherwise,
    /// since some of Logto's routes take any value, <c>false</c> included, as true. See <c>ApiModelBuilder.QueryForm</c>.
    /// </summary>
    public bool SentOnlyWhenTrue { get; init; }
}

/// <summary>The request body of an operation.</summary>
internal sealed class RequestBodyModel(TypeUse type, BodyEncoding encoding, bool required)
{
    /// <summary>The body's type, as the document refers to it.</summary>
    public TypeUse Type { get; } = type;
    public BodyEncoding Encoding { get; } = encoding;
    public bool Required { get; } = required;
    public string? Description { get; init; }
}

/// <summary>The successful response of an operation.</summary>
internal sealed record ResponseModel(ResponseKind Kind, TypeUse? Type, string? Description)
{
    public static ResponseModel None { get; } = new(ResponseKind.None, null, null);

    /// <summary>
    /// True when a successful answer may carry no body although the response is JSON: its media type has no schema
    /// (any JSON, or nothing: Logto answers most such operations with an empty 201), or another 2xx status is documented
    /// without content (a 204 beside the 200). The method then returns <c>null</c> for an answer without a body.
    /// </summary>
    public bool BodyOptional { get; init; }
}
