using System.Collections.Immutable;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// Names the request builders and their operations: classes, namespaces and folders by path, the members reaching each
/// builder, arguments and the query-parameters classes, with each parameter, body and response typed by
/// the <c>value</c> it is given.
/// </summary>
/// <param name="options">The settings of the run: the client's class, the namespaces.</param>
/// <param name="value">The spec of a value the document refers to, given the use keys of the reference (see <see cref="TypeInstances.For"/>).</param>
internal sealed class BuilderNamer(GeneratorOptions options, Func<TypeUse, IReadOnlyList<string>, ValueSpec> value)
{
    /// <summary>The client: the builder of <paramref name="root"/>, and every builder below it.</summary>
    public BuilderSpec Client(RequestBuilderNode root) =>
        Builder(root, options.ClientName, options.Namespace, "", "", isIndexer: false, "");

    private BuilderSpec Builder(RequestBuilderNode node, string className, string @namespace, string folder, string memberName, bool isIndexer, string namespaceSuffix)
    {
        var children = ImmutableSortedDictionary.CreateBuilder<string, BuilderSpec>(StringComparer.Ordinal);
        foreach (var (segment, child) in node.Children)
        {
            string folderName, childClass, childMember;
            var indexer = false;
            if (child.IsParameter)
            {
                folderName = "Item";
                childClass = (node.Parent is null ? "" : Identifiers.Singular(Identifiers.Pascal(node.Segment))) + "ItemRequestBuilder";
                indexer = child.SegmentParameters.Count == 1
                    && child.Segment.StartsWith('{') && child.Segment.EndsWith('}')
                    && child.SegmentParameters[0].Type.Type is PrimitiveRef { Kind: PrimitiveKind.String } or ModelRef { Type: EnumType };
                childMember = indexer ? "this" : "By" + string.Concat(child.SegmentParameters.Select(p => Identifiers.Pascal(p.WireName)));
            }
            else
            {
                folderName = Identifiers.Pascal(child.Segment);
                childClass = folderName + "RequestBuilder";
                childMember = folderName;
            }

            var suffix = namespaceSuffix + "." + folderName;
            var childFolder = folder.Length == 0 ? folderName : folder + "/" + folderName;
            children.Add(segment, Builder(child, childClass, options.BuildersNamespace + suffix, childFolder, childMember, indexer, suffix));
        }

        return new BuilderSpec(
            node.Segment,
            node.PathTemplate,
            className,
            @namespace,
            folder,
            memberName,
            isIndexer,
            [.. node.SegmentParameters.Select(p => Parameter(p, Identifiers.Camel(p.WireName), SegmentUses(node, p)))],
            [.. node.Operations.Select(Operation)],
            children.ToImmutable());
    }

    /// <summary>
    /// The uses of a segment's parameter, the one of the operation it was taken from first: for a single-parameter
    /// segment, each operation below it declares the parameter, possibly under another name.
    /// </summary>
    private static List<string> SegmentUses(RequestBuilderNode node, ParameterModel parameter) =>
    [
        .. node.ParameterUses.Where(u => ReferenceEquals(u.Parameter, parameter)).Select(u => ParameterUse(u.Operation, u.Parameter)),
        .. node.ParameterUses.Select(u => ParameterUse(u.Operation, parameter)),
    ];

    /// <summary>An operation with its arguments, its query-parameters class and its advanced search property named.</summary>
    private OperationSpec Operation(OperationModel operation)
    {
        var prefix = UsePrefix(operation);
        var used = new HashSet<string>(StringComparer.Ordinal) { "Headers" };
        var optional = operation.OptionalQuery
            .Select(p => (Model: p, Spec: Parameter(p, MemberNamer.Unique(Identifiers.Pascal(p.WireName), used), [ParameterUse(operation, p)])))
            .ToList();
        ParameterSpec Optional(ParameterModel parameter) => optional.Single(p => ReferenceEquals(p.Model, parameter)).Spec;

        return new OperationSpec(
            operation.HttpMethod,
            operation.OperationId,
            operation.PathTemplate,
            operation.Summary,
            operation.Description,
            operation.Deprecated,
            [.. operation.RequiredQuery.Select(p => Parameter(p, Identifiers.Camel(p.WireName), [ParameterUse(operation, p)]))],
            [.. optional.Select(p => p.Spec)],
            optional.Count > 0 ? Identifiers.Pascal(operation.OperationId) + "QueryParameters" : null,
            // The typed advanced search is named AdvancedSearch if a parameter took "Search".
            operation.SearchParams is null ? null : optional.Any(p => p.Spec.Name == "Search") ? "AdvancedSearch" : "Search",
            operation.Body is { } body ? new BodySpec(value(body.Type, [prefix + " request"]), body.Encoding, body.Required, body.Description) : null,
            new ResponseSpec(
                operation.Response.Kind,
                operation.Response.Type is { } response ? value(response, [prefix + " response"]) : null,
                operation.Response.Description,
                operation.Response.BodyOptional),
            operation.Paging is { } paging ? new PagingSpec(Optional(paging.Page), Optional(paging.PageSize), value(paging.Item, [prefix + " response[]"])) : null,
            operation.SearchParams is { } search ? Optional(search) : null);
    }

    private ParameterSpec Parameter(ParameterModel parameter, string name, IReadOnlyList<string> uses) =>
        new(parameter.WireName, name, value(parameter.Type, uses), parameter.Description, parameter.Exploded, parameter.SentOnlyWhenTrue);

    /// <summary>The use of a parameter, as parsing words it: <c>GET /api/users parameter page</c>.</summary>
    private static string ParameterUse(OperationModel operation, ParameterModel parameter) => UsePrefix(operation) + " parameter " + parameter.WireName;

    /// <summary>How the uses of an operation start, as parsing words them: <c>GET /api/users</c>.</summary>
    private static string UsePrefix(OperationModel operation) => operation.HttpMethod.ToUpperInvariant() + " " + operation.PathTemplate;
}
