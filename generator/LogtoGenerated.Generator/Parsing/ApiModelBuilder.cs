using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>Reads an OpenAPI document into the generator's <see cref="ApiModel"/>.</summary>
internal sealed partial class ApiModelBuilder
{
    /// <summary>Operation-id verbs after which the rest of the id names the resource (<c>ListUsers</c>: <c>Users</c>).</summary>
    private static readonly HashSet<string> ResourceVerbs = new(StringComparer.Ordinal)
    {
        "Get", "List", "Create", "Update", "Replace", "Upsert", "Delete", "Add", "Assign",
    };

    /// <summary>The methods read from each path item, in <see cref="OperationSpec.HttpMethods"/>' order.</summary>
    private static readonly (HttpMethod Method, string Name)[] Methods =
        [.. OperationSpec.HttpMethods.Select(name => (HttpMethod.Parse(name), name))];

    private readonly SchemaResolver _schemas;
    private readonly HashSet<string> _operationIds = new(StringComparer.Ordinal);
    private readonly string _basePath;

    /// <param name="basePath">The path prefix every operation starts with, which becomes the client itself (<c>/api</c>).</param>
    /// <param name="serverManaged">Properties request bodies leave out because the server sets them (<c>tenantId</c>).</param>
    public ApiModelBuilder(string basePath, IReadOnlySet<string>? serverManaged = null)
    {
        _basePath = basePath.TrimEnd('/');
        _schemas = new SchemaResolver(serverManaged ?? new HashSet<string>());
    }

    /// <summary>The server-managed properties some request body had, and so left out.</summary>
    public IReadOnlySet<string> LeftOutProperties => _schemas.LeftOut;

    public ApiModel Build(OpenApiDocument document)
    {
        var root = new RequestBuilderNode("", null) { PathTemplate = _basePath };
        if (document.Paths is null || document.Paths.Count == 0)
        {
            throw new GeneratorException("#/paths", "the document has no paths, so there is nothing to generate.");
        }

        foreach (var (path, item) in document.Paths)
        {
            var pointer = "#/paths/" + GeneratorException.Escape(path);
            var node = NodeFor(root, path, pointer);
            foreach (var (method, name) in Methods)
            {
                if (item.Operations is not null && item.Operations.TryGetValue(method, out var operation))
                {
                    node.Operations.Add(BuildOperation(path, item, operation, name, pointer + "/" + name.ToLowerInvariant(), node));
                }
            }
        }

        ChooseSegmentParameters(root);
        var types = Reachable(root);
        MarkPresenceTracking(root);
        return new ApiModel(root, types);
    }

    /// <summary>
    /// Marks the object types of JSON PATCH bodies, and every object type inside them, as tracking which
    /// properties were set. In a PATCH an absent property keeps the current value and a <c>null</c> one clears it,
    /// so the two must reach the wire as different things; nested objects track it too, so that a value read
    /// from Logto and sent back keeps its explicit nulls. Bodies of other methods keep "null is left out":
    /// there absent and <c>null</c> both mean "no value", and their types are often shared with responses.
    /// </summary>
    private static void MarkPresenceTracking(RequestBuilderNode root)
    {
        var visited = new HashSet<ModelType>();
        foreach (var operation in root.DescendantsAndSelf().SelectMany(node => node.Operations))
        {
            if (operation.HttpMethod == "Patch" && operation.Body is { Encoding: BodyEncoding.Json } body)
            {
                Visit(body.Type);
            }
        }

        void Visit(TypeUse use) => TypeGraph.Visit(use, type =>
        {
            if (!visited.Add(type))
            {
                return false;
            }

            if (type is ObjectType o)
            {
                o.TracksPresence = true;
                foreach (var property in o.Properties)
                {
                    // Only where null can be sent: required properties are always written, non-nullable ones never as null.
                    property.TracksPresence = !property.Required && property.Type.Nullable && property.Literal is null;
                }
            }

            return true;
        });
    }

    /// <summary>The types some operation uses, directly or through other types, in order of first appearance.</summary>
    private List<ModelType> Reachable(RequestBuilderNode root)
    {
        var reached = new HashSet<ModelType>();
        foreach (var node in root.DescendantsAndSelf())
        {
            foreach (var parameter in node.SegmentParameters)
            {
                Visit(parameter.Type);
            }

            foreach (var operation in node.Operations)
            {
                foreach (var parameter in operation.RequiredQuery.Concat(operation.OptionalQuery))
                {
                    Visit(parameter.Type);
                }

                if (operation.Body is { } body)
                {
                    Visit(body.Type);
                }

                if (operation.Response.Type is { } response)
                {
                    Visit(response);
                }
            }
        }

        var types = _schemas.Types.Where(reached.Contains).ToList();
        foreach (var type in types)
        {
            // Uses inside unreached types, and nested uses whose parent never became a type (the alternatives of a
            // union that collapsed to one of them or to a primitive), name nothing.
            type.Uses.RemoveAll(c => c.Parent is null ? c.Rank == NameHint.NestedRank : !reached.Contains(c.Parent));
        }

        return types;

        void Visit(TypeUse use) => TypeGraph.Visit(use, reached.Add);
    }

    private OperationModel BuildOperation(string path, IOpenApiPathItem item, OpenApiOperation operation, string method, string pointer, RequestBuilderNode node)
    {
        var operationId = operation.OperationId;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            throw new GeneratorException(pointer, "the operation has no operationId. Every operation needs one: it names the generated types and is quoted in the method's documentation.");
        }

        if (!_operationIds.Add(operationId))
        {
            throw new GeneratorException(pointer + "/operationId", $"the operationId '{operationId}' is used by another operation too; operationIds must be unique.");
        }

        var folder = FolderOf(path);
        var model = new OperationModel
        {
            HttpMethod = method,
            OperationId = operationId,
            PathTemplate = path,
            Summary = operation.Summary,
            Description = operation.Description,
            Deprecated = operation.Deprecated,
        };

        var (verb, noun) = SplitOperationId(operationId);
        AddParameters(item, operation, pointer, node, model, noun, folder);
        AddRequestBody(operation, pointer, model, noun, folder);
        model.Response = BuildResponse(operation, pointer, operationId, verb, noun, folder, method, path);
        model.Paging = PagingOf(model);
        model.SearchParams = model.OptionalQuery.FirstOrDefault(p => p.WireName == "search_params" && p.Exploded);
        return model;
    }

    /// <summary>
    /// Logto's paged lists: a GET taking optional integer <c>page</c> and <c>page_size</c> query parameters and
    /// answering with a JSON array. Anything else (a POST, only one of the two, an object response) is not paged.
    /// </summary>
    private static PagingModel? PagingOf(OperationModel operation)
    {
        if (operation.HttpMethod != "Get" || operation.Response is not { Kind: ResponseKind.Json, Type.Type: ListRef list })
        {
            return null;
        }

        var page = operation.OptionalQuery.FirstOrDefault(p => p.WireName == "page" && IsPagingNumber(p));
        var pageSize = operation.OptionalQuery.FirstOrDefault(p => p.WireName == "page_size" && IsPagingNumber(p));
        return page is null || pageSize is null ? null : new PagingModel(page, pageSize, list.Item);

        static bool IsPagingNumber(ParameterModel parameter) =>
            !parameter.Exploded && parameter.Type.Type is PrimitiveRef { Kind: PrimitiveKind.Int32 };
    }

    /// <summary>Splits <c>ListUserRoles</c> into <c>List</c> and <c>UserRoles</c>; other verbs keep the whole id as the noun.</summary>
    internal static (string? Verb, string Noun) SplitOperationId(string operationId)
    {
        var pascal = Identifiers.Pascal(operationId);
        var words = Identifiers.Words(pascal);
        if (words.Count > 1 && ResourceVerbs.Contains(words[0]))
        {
            return (words[0], pascal[words[0].Length..]);
        }

        return (null, pascal);
    }

    /// <summary>
    /// The resource folder of an operation's types: its first path segment after the base path, spelled as its request
    /// builders' folder and namespace are (<c>/api/sign-in-exp</c> is <c>SignInExp</c>, <c>/api/saml-applications</c>
    /// <c>SamlApplications</c>, a parameter <c>Item</c>), so that a resource has one spelling in the generated tree.
    /// </summary>
    private string FolderOf(string path)
    {
        var segment = path[(_basePath.Length + 1)..].Split('/')[0];
        return IsSingleParameter(segment) ? "Item" : Identifiers.Pascal(segment);
    }
}
