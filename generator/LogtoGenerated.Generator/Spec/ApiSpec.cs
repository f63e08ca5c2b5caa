using System.Collections.Immutable;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator.Spec;

/// <summary>
/// The client's surface as users see it: every request builder, operation and model type with every name it has, made
/// by naming (<see cref="Naming.SurfaceNamer"/>) from the document's facts (<see cref="Model.ApiModel"/>), the record of
/// names and the overrides. The emitter only renders it, and <c>diff</c> compares two of them.
/// </summary>
/// <param name="Root">The client itself: the request builder of the base path.</param>
/// <param name="Types">The model types: one per shape of the document, in order of first appearance, then the types split off while naming, in the order they were split.</param>
/// <param name="Corrections">The corrections of the document applied before it was read (see <see cref="DocumentCorrections"/>).</param>
internal sealed record ApiSpec(BuilderSpec Root, ImmutableArray<TypeSpec> Types, ImmutableArray<DocumentCorrection> Corrections)
{
    /// <summary>Every request builder, the root first, in pre-order (a builder, then each child's subtree in segment order).</summary>
    public IEnumerable<BuilderSpec> Builders() => Root.DescendantsAndSelf();

    /// <summary>Every operation, in the order of <see cref="Builders"/> and, within a builder, of its operations.</summary>
    public IEnumerable<OperationSpec> Operations() => Builders().SelectMany(builder => builder.Operations);

    /// <summary>
    /// Every operation with the request builders reaching it from the client, one per segment of its path after the base
    /// path, in the order of <see cref="Operations"/>.
    /// </summary>
    public IEnumerable<(OperationSpec Operation, ImmutableArray<BuilderSpec> Builders)> OperationPaths()
    {
        var stack = new Stack<(BuilderSpec Builder, ImmutableArray<BuilderSpec> Path)>([(Root, [])]);
        while (stack.TryPop(out var entry))
        {
            foreach (var operation in entry.Builder.Operations)
            {
                yield return (operation, entry.Path);
            }

            foreach (var child in entry.Builder.Children.Values.Reverse())
            {
                stack.Push((child, entry.Path.Add(child)));
            }
        }
    }
}

/// <summary>One request builder: a segment of the URL path, emitted as one class.</summary>
/// <param name="Segment">
/// The wire segment: <c>users</c>, <c>{userId}</c> or <c>.well-known</c>; empty for the root. A single-parameter segment
/// is named after the parameter its indexer takes.
/// </param>
/// <param name="PathTemplate">The path template up to and including this segment, e.g. <c>/api/users/{userId}</c>.</param>
/// <param name="ClassName">The class: <c>UsersRequestBuilder</c>, <c>UserItemRequestBuilder</c>; the client's class for the root.</param>
/// <param name="Namespace">The namespace of the class.</param>
/// <param name="Folder">The folder of the generated file under <c>RequestBuilders/</c>; empty for the root.</param>
/// <param name="MemberName">The member reaching this builder from its parent: a property's name, <c>this</c> for an indexer, or a method's name.</param>
/// <param name="IsIndexer">True when the segment is exactly one string (or string enum) parameter, reached through an indexer.</param>
/// <param name="SegmentParameters">The parameters the segment binds, for a parameter segment.</param>
/// <param name="Operations">The operations of this path, in the order of <see cref="OperationSpec.HttpMethods"/>.</param>
/// <param name="Children">The builders one segment below, by wire segment in ordinal order.</param>
internal sealed record BuilderSpec(
    string Segment,
    string PathTemplate,
    string ClassName,
    string Namespace,
    string Folder,
    string MemberName,
    bool IsIndexer,
    ImmutableArray<ParameterSpec> SegmentParameters,
    ImmutableArray<OperationSpec> Operations,
    ImmutableSortedDictionary<string, BuilderSpec> Children)
{
    /// <summary>True for the client itself, the builder of the base path.</summary>
    public bool IsRoot => Segment.Length == 0;

    /// <summary>True for a segment made of parameters (<c>{userId}</c>).</summary>
    public bool IsParameter => Segment.Contains('{', StringComparison.Ordinal);

    /// <summary>This builder and every builder below it, in pre-order: a builder, then each child's subtree in segment order.</summary>
    public IEnumerable<BuilderSpec> DescendantsAndSelf()
    {
        var stack = new Stack<BuilderSpec>([this]);
        while (stack.TryPop(out var builder))
        {
            yield return builder;
            foreach (var child in builder.Children.Values.Reverse())
            {
                stack.Push(child);
            }
        }
    }
}

/// <summary>One HTTP operation, emitted as one method of its path's request builder.</summary>
/// <param name="HttpMethod">The HTTP method, one of <see cref="HttpMethods"/>: <c>Get</c>.</param>
/// <param name="OperationId">Logto's operationId.</param>
/// <param name="PathTemplate">The path, from the base path on: <c>/api/users/{userId}</c>.</param>
/// <param name="Summary">The document's summary, if any.</param>
/// <param name="Description">The document's description, if any.</param>
/// <param name="Deprecated">True when the document deprecates the operation.</param>
/// <param name="RequiredQuery">Query parameters the document requires: method arguments.</param>
/// <param name="OptionalQuery">Query parameters the caller may omit: properties of the query-parameters class.</param>
/// <param name="QueryClassName">The query-parameters class; null when the operation has no optional query parameter.</param>
/// <param name="SearchPropertyName">
/// The typed advanced search property of the query-parameters class (<c>Search</c>, or <c>AdvancedSearch</c> when a query
/// parameter took <c>Search</c>); null when the operation has no <paramref name="SearchParams"/>.
/// </param>
/// <param name="Body">The request body, if any.</param>
/// <param name="Response">The successful response.</param>
/// <param name="Paging">How the operation pages, for a paged list; null for any other operation.</param>
/// <param name="SearchParams">The exploded <c>search_params</c> query parameter of a list taking Logto's advanced search.</param>
internal sealed record OperationSpec(
    string HttpMethod,
    string OperationId,
    string PathTemplate,
    string? Summary,
    string? Description,
    bool Deprecated,
    ImmutableArray<ParameterSpec> RequiredQuery,
    ImmutableArray<ParameterSpec> OptionalQuery,
    string? QueryClassName,
    string? SearchPropertyName,
    BodySpec? Body,
    ResponseSpec Response,
    PagingSpec? Paging,
    ParameterSpec? SearchParams)
{
    /// <summary>
    /// The HTTP methods an operation may have, spelled as <see cref="HttpMethod"/> is, in the order the operations
    /// of one path are read (and so emitted) and listed in change reports.
    /// </summary>
    public static ImmutableArray<string> HttpMethods { get; } = ["Get", "Post", "Put", "Patch", "Delete", "Head", "Options"];

    /// <summary>The <see cref="Summary"/>, or the operationId when there is none: what the method's documentation starts with.</summary>
    public string SummaryOrOperationId => Summary ?? OperationId;

    /// <summary>The C# method sending the request: <c>GetAsync</c>.</summary>
    public string MethodName => HttpMethod + "Async";
}

/// <summary>A path or query parameter.</summary>
/// <param name="WireName">The name on the wire.</param>
/// <param name="Name">The C# name: an argument (<c>userId</c>) or a property of the query-parameters class (<c>PageSize</c>).</param>
/// <param name="Type">The parameter's type.</param>
/// <param name="Description">The document's description, if any.</param>
/// <param name="Exploded">A <c>style: form, explode: true</c> object: every key becomes its own query parameter.</param>
/// <param name="SentOnlyWhenTrue">A boolean query flag Logto reads as a truthy string: sent as <c>name=true</c> when true, left out otherwise.</param>
internal sealed record ParameterSpec(string WireName, string Name, ValueSpec Type, string? Description, bool Exploded, bool SentOnlyWhenTrue);

/// <summary>The request body of an operation.</summary>
/// <param name="Type">The body's type.</param>
/// <param name="Encoding">How it goes on the wire.</param>
/// <param name="Required">True when the document requires a body.</param>
/// <param name="Description">The document's description, if any.</param>
internal sealed record BodySpec(ValueSpec Type, BodyEncoding Encoding, bool Required, string? Description);

/// <summary>The successful response of an operation.</summary>
/// <param name="Kind">How it is read.</param>
/// <param name="Type">The type of its body; null when it has none worth reading.</param>
/// <param name="Description">The document's description, if any.</param>
/// <param name="BodyOptional">
/// True when a successful answer may carry no body although the response is JSON: its media type has no schema (any
/// JSON, or nothing: Logto answers most such operations with an empty 201), or another 2xx status is documented without
/// content (a 204 beside the 200). The method then returns <c>null</c> for an answer without a body.
/// </param>
internal sealed record ResponseSpec(ResponseKind Kind, ValueSpec? Type, string? Description, bool BodyOptional);

/// <summary>A paged list: its query class implements <c>IPagedQueryParameters</c>, and it gets <c>GetPageAsync</c> and <c>GetAllAsync</c>.</summary>
/// <param name="Page">The <c>page</c> query parameter (one of the operation's optional ones).</param>
/// <param name="PageSize">The <c>page_size</c> query parameter (one of the operation's optional ones).</param>
/// <param name="Item">The type of the list's items.</param>
internal sealed record PagingSpec(ParameterSpec Page, ParameterSpec PageSize, ValueSpec Item);

/// <summary>How a request body goes on the wire.</summary>
internal enum BodyEncoding
{
    Json,
    Multipart,
    Form,
}

/// <summary>How the successful response is read.</summary>
internal enum ResponseKind
{
    /// <summary>No body worth reading (204, redirects, or an undocumented body).</summary>
    None,
    Json,
    Text,
}
