using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Naming;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>Reads an OpenAPI document into the generator's <see cref="ApiModel"/>.</summary>
internal sealed class ApiModelBuilder
{
    /// <summary>Operation-id verbs after which the rest of the id names the resource (<c>ListUsers</c>: <c>Users</c>).</summary>
    private static readonly HashSet<string> ResourceVerbs = new(StringComparer.Ordinal)
    {
        "Get", "List", "Create", "Update", "Replace", "Upsert", "Delete", "Add", "Assign",
    };

    /// <summary>The methods read from each path item, in <see cref="OperationModel.HttpMethods"/>' order.</summary>
    private static readonly (HttpMethod Method, string Name)[] Methods =
        [.. OperationModel.HttpMethods.Select(name => (HttpMethod.Parse(name), name))];

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
            type.Candidates.RemoveAll(c => c.Parent is null ? c.Rank == NameHint.NestedRank : !reached.Contains(c.Parent));
        }

        return types;

        void Visit(TypeUse use) => TypeGraph.Visit(use, reached.Add);
    }

    private RequestBuilderNode NodeFor(RequestBuilderNode root, string path, string pointer)
    {
        if (!path.StartsWith(_basePath + "/", StringComparison.Ordinal))
        {
            throw new GeneratorException(pointer, $"the path does not start with the base path '{_basePath}/'. Pass the right --base-path.");
        }

        var node = root;
        foreach (var segment in path[(_basePath.Length + 1)..].Split('/'))
        {
            if (segment.Length == 0)
            {
                throw new GeneratorException(pointer, "the path has an empty segment ('//' or a trailing '/').");
            }

            // Every single-parameter segment under one parent is the same builder, whatever the parameter's name.
            var key = IsSingleParameter(segment) ? "{}" : segment;
            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new RequestBuilderNode(segment, node) { PathTemplate = node.PathTemplate + "/" + segment };
                node.Children.Add(key, child);
            }

            node = child;
        }

        return node;
    }

    private static bool IsSingleParameter(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[^1] == '}' && segment.IndexOf('{', 1) < 0;

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

    private void AddParameters(IOpenApiPathItem item, OpenApiOperation operation, string pointer, RequestBuilderNode node, OperationModel model, string noun, string folder)
    {
        // Operation parameters override path-item parameters with the same name and location.
        var parameters = new List<(IOpenApiParameter Parameter, string Pointer)>();
        var itemPointer = pointer[..pointer.LastIndexOf('/')];
        for (var i = 0; i < (operation.Parameters?.Count ?? 0); i++)
        {
            parameters.Add((operation.Parameters![i], $"{pointer}/parameters/{i}"));
        }

        for (var i = 0; i < (item.Parameters?.Count ?? 0); i++)
        {
            var candidate = item.Parameters![i];
            if (!parameters.Any(p => p.Parameter.Name == candidate.Name && p.Parameter.In == candidate.In))
            {
                parameters.Add((candidate, $"{itemPointer}/parameters/{i}"));
            }
        }

        foreach (var (parameter, parameterPointer) in parameters)
        {
            if (string.IsNullOrEmpty(parameter.Name) || parameter.In is null)
            {
                throw new GeneratorException(parameterPointer, "the parameter needs both 'name' and 'in'.");
            }

            var hint = new NameHint(
                NameHint.ParameterRank, noun + Identifiers.Pascal(parameter.Name), null, null, folder, model.OperationId + Identifiers.Pascal(parameter.Name),
                $"{model.HttpMethod.ToUpperInvariant()} {model.PathTemplate} parameter {parameter.Name}");
            var use = _schemas.Resolve(parameter.Schema, parameterPointer + "/schema", hint);
            var exploded = parameter.Explode && use.Type is MapRef or PrimitiveRef { Kind: PrimitiveKind.JsonObject };
            var flag = parameter.In == ParameterLocation.Query && IsTruthyFlag(parameter.Name, parameter.Schema, use);
            var resolved = use;
            use = QueryForm(parameter.In == ParameterLocation.Query ? Timestamps.QueryForm(parameter.Name, use) : use, flag);
            if (resolved.Type is ModelRef { Type: var replaced } && use.Type != resolved.Type)
            {
                // The parameter is not of that type after all (a "true"/"false" enum read as a bool): it names nothing.
                replaced.Candidates.RemoveAll(c => c.Use == hint.Use);
            }

            var model_ = new ParameterModel(parameter.Name, use) { Description = parameter.Description, Exploded = exploded, SentOnlyWhenTrue = flag };
            switch (parameter.In)
            {
                case ParameterLocation.Path when !IsPathValue(use.Type):
                    throw new GeneratorException(parameterPointer + "/schema", $"the path parameter '{parameter.Name}' must be a string, a number, a boolean or a string enum to be written into the path.");
                case ParameterLocation.Path:
                    BindPathParameter(node, model, model_, parameterPointer);
                    break;
                case ParameterLocation.Query when parameter.Required:
                    model.RequiredQuery.Add(model_);
                    break;
                case ParameterLocation.Query:
                    model.OptionalQuery.Add(model_);
                    break;
                case ParameterLocation.Header or ParameterLocation.Cookie:
                    // Headers and cookies are set through the request configuration.
                    break;
            }
        }

        EnsureAllPathParametersBound(node, model, pointer);
    }

    /// <summary>
    /// The first words of the string query parameters that are switches: <c>includeScopes</c>, <c>enableCap</c>,
    /// <c>showFeatured</c>, <c>removeUnusedDemoSocialConnector</c>, and predicates (<c>isX</c>, <c>hasX</c>).
    /// </summary>
    private static readonly string[] FlagWords = ["include", "enable", "show", "remove", "is", "has"];

    /// <summary>
    /// Whether a query parameter is a flag Logto reads as a truthy string: a plain string (no enum, format or pattern)
    /// named <c>{switch}{Something}</c> (see <see cref="FlagWords"/>). Logto's routes take such parameters as
    /// <c>string().optional()</c> and read them with <c>yes()</c> from @silverhand/essentials (true for <c>true</c>,
    /// <c>1</c>, <c>yes</c>...) or as JavaScript truthiness (true for any non-empty value, <c>false</c> included).
    /// </summary>
    private static bool IsTruthyFlag(string name, IOpenApiSchema? schema, TypeUse use) =>
        use.Type is PrimitiveRef { Kind: PrimitiveKind.String }
        && schema is { Format: null, Pattern: null, Enum: null or { Count: 0 } }
        && FlagWords.Any(word => name.Length > word.Length && name.StartsWith(word, StringComparison.Ordinal) && char.IsUpper(name[word.Length]));

    /// <summary>
    /// The one rule for booleans in query strings: a parameter is typed <c>bool</c> when it is a string enum of exactly
    /// <c>true</c>/<c>false</c> (Logto compares it with <c>=== 'true'</c>; absent means "either", so both values are
    /// sent as they are), or when it is a truthy-string <paramref name="flag"/> (<see cref="IsTruthyFlag"/>; absent
    /// means false, so <c>true</c> is sent and <c>false</c> leaves the parameter out, see
    /// <see cref="ParameterModel.SentOnlyWhenTrue"/>). Everything else keeps its type.
    /// </summary>
    private static TypeUse QueryForm(TypeUse use, bool flag) => use.Type switch
    {
        _ when flag => new TypeUse(new PrimitiveRef(PrimitiveKind.Boolean), use.Nullable),
        ModelRef { Type: EnumType e } when e.Values.Count == 2 && e.Values.Contains("true") && e.Values.Contains("false")
            => new TypeUse(new PrimitiveRef(PrimitiveKind.Boolean), use.Nullable),
        // "one value or a list of them" is a list on the wire (types=A&types=B, or types=A alone).
        ModelRef { Type: UnionType { Alternatives: [var a, var b] } } when IsListOf(a.Type, b.Type) || IsListOf(b.Type, a.Type)
            => new TypeUse(a.Type.Type is ListRef ? a.Type.Type : b.Type.Type, use.Nullable),
        _ => use,
    };

    private static bool IsPathValue(TypeRef type) => type is ModelRef { Type: EnumType } or PrimitiveRef
    {
        Kind: PrimitiveKind.String or PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double or PrimitiveKind.Boolean or PrimitiveKind.DateTimeOffset,
    };

    private static bool IsListOf(TypeUse list, TypeUse single) => list.Type is ListRef l && l.Item.Type == single.Type;

    /// <summary>
    /// Binds a path parameter to the builder of the segment that holds it in the operation's own path. Single-parameter
    /// segments are one builder whatever operations call the parameter: every operation's parameter is recorded in
    /// <see cref="RequestBuilderNode.ParameterUses"/>, and <see cref="ChooseSegmentParameters"/> picks the builder's one
    /// once the whole document is read. Another operation's name for the same segment is the same single value.
    /// </summary>
    private static void BindPathParameter(RequestBuilderNode node, OperationModel operation, ParameterModel parameter, string pointer)
    {
        var pathTemplate = operation.PathTemplate;
        foreach (var (target, segment) in node.PathSegments(pathTemplate))
        {
            if (!segment.Contains("{" + parameter.WireName + "}", StringComparison.Ordinal))
            {
                continue;
            }

            var single = IsSingleParameter(target.Segment);
            if (single)
            {
                target.ParameterUses.Add((parameter, operation));
            }

            var bound = single
                ? target.SegmentParameters.Count > 0
                : target.SegmentParameters.Any(p => p.WireName == parameter.WireName);
            if (!bound)
            {
                target.SegmentParameters.Add(parameter);
            }

            return;
        }

        throw new GeneratorException(pointer, $"the path parameter '{parameter.WireName}' does not appear in the path '{pathTemplate}'.");
    }

    /// <summary>
    /// Names each single-parameter segment after what it indexes, independently of the document's order: the
    /// parameter <c>{singular of the parent segment}Id</c> (<c>applications</c>: <c>applicationId</c>) when an operation
    /// uses that name, else the name most operations use, ties broken by ordinal order. Among the operations using the
    /// chosen name, the parameter of one with a description is kept, the first by path and method. The segment and the
    /// path templates below it are renamed to match. Only names change: a builder holds the concrete path, so every
    /// operation still fills its own URL template, and reports it with its own parameter names.
    /// </summary>
    private static void ChooseSegmentParameters(RequestBuilderNode root)
    {
        foreach (var node in root.DescendantsAndSelf())
        {
            if (node.Parent is null || node.ParameterUses.Count == 0)
            {
                continue;
            }

            var owner = Identifiers.Singular(Identifiers.Pascal(node.Parent.Segment));
            var preferred = owner.Length == 0 ? "id" : char.ToLowerInvariant(owner[0]) + owner[1..] + "Id";
            var name = node.ParameterUses
                .GroupBy(use => use.Parameter.WireName, StringComparer.Ordinal)
                .OrderByDescending(group => group.Key == preferred)
                .ThenByDescending(group => group.Count())
                .ThenBy(group => group.Key, StringComparer.Ordinal)
                .First();
            var chosen = name
                .OrderBy(use => use.Parameter.Description is null)
                .ThenBy(use => use.Operation.PathTemplate, StringComparer.Ordinal)
                .ThenBy(use => OperationModel.HttpMethods.IndexOf(use.Operation.HttpMethod))
                .First().Parameter;
            node.SegmentParameters.Clear();
            node.SegmentParameters.Add(chosen);
            node.Segment = "{" + chosen.WireName + "}";
        }

        foreach (var node in root.DescendantsAndSelf().Where(n => n.Parent is not null))
        {
            node.PathTemplate = node.Parent!.PathTemplate + "/" + node.Segment;
        }
    }

    private static void EnsureAllPathParametersBound(RequestBuilderNode node, OperationModel model, string pointer)
    {
        foreach (var (target, segment) in node.PathSegments(model.PathTemplate))
        {
            if (segment.Contains('{', StringComparison.Ordinal) && target.SegmentParameters.Count == 0)
            {
                throw new GeneratorException(
                    "#/paths/" + GeneratorException.Escape(model.PathTemplate),
                    $"the path parameter in segment '{segment}' is not declared in the parameters of {model.OperationId} (add a parameter with \"in\": \"path\").");
            }
        }
    }

    private void AddRequestBody(OpenApiOperation operation, string pointer, OperationModel model, string noun, string folder)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content)
        {
            return;
        }

        var (mediaType, encoding) = content.Keys.Select(k => (k, EncodingOf(k))).OrderBy(e => e.Item2 ?? BodyEncoding.Form + 1).First();
        if (encoding is null)
        {
            throw new GeneratorException(
                pointer + "/requestBody/content",
                $"no supported media type among '{string.Join("', '", content.Keys)}'; supported are application/json, multipart/form-data and application/x-www-form-urlencoded.");
        }

        var bodyPointer = pointer + "/requestBody/content/" + GeneratorException.Escape(mediaType) + "/schema";
        var hint = new NameHint(NameHint.RequestRank, model.OperationId + "Request", null, noun, folder, model.OperationId + "Request", $"{model.HttpMethod.ToUpperInvariant()} {model.PathTemplate} request");
        var multipart = encoding is BodyEncoding.Multipart;
        var use = _schemas.Resolve(content[mediaType].Schema, bodyPointer, hint, multipart, request: true, requestBody: true);
        if (encoding is not BodyEncoding.Json && use.Type is not ModelRef { Type: ObjectType })
        {
            throw new GeneratorException(bodyPointer, $"a {mediaType} body must be an object schema with properties (one per form field).");
        }

        model.Body = new RequestBodyModel(use, encoding.Value, operation.RequestBody.Required) { Description = operation.RequestBody.Description };
    }

    private static BodyEncoding? EncodingOf(string mediaType) => mediaType.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/json" => BodyEncoding.Json,
        "multipart/form-data" => BodyEncoding.Multipart,
        "application/x-www-form-urlencoded" => BodyEncoding.Form,
        var other when other.EndsWith("+json", StringComparison.Ordinal) => BodyEncoding.Json,
        _ => null,
    };

    private ResponseModel BuildResponse(OpenApiOperation operation, string pointer, string operationId, string? verb, string noun, string folder, string method, string path)
    {
        if (operation.Responses is null)
        {
            return ResponseModel.None;
        }

        // The first 2xx response with a body decides the return type; other 2xx codes (e.g. 201 vs 200) share it.
        foreach (var (status, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (status.Length != 3 || status[0] != '2' || response.Content is not { Count: > 0 } content)
            {
                continue;
            }

            var responsePointer = pointer + "/responses/" + status + "/content/";
            if (content.FirstOrDefault(c => EncodingOf(c.Key) is BodyEncoding.Json) is { Key: not null } json)
            {
                // A JSON response whose alternative is XML (SAML metadata) is really text.
                if (content.Keys.Any(k => k.Contains("xml", StringComparison.Ordinal)))
                {
                    return new ResponseModel(ResponseKind.Text, new TypeUse(new PrimitiveRef(PrimitiveKind.String), false), response.Description);
                }

                var name = verb is null ? operationId + "Result" : noun;
                var hint = new NameHint(NameHint.ResponseRank, name, null, null, folder, operationId + "Response", $"{method.ToUpperInvariant()} {path} response");
                var use = _schemas.Resolve(json.Value.Schema, responsePointer + GeneratorException.Escape(json.Key) + "/schema", hint);

                // A body that may be missing: a media type without a schema, or another success status without content.
                var bodyOptional = json.Value.Schema is null
                    || operation.Responses.Any(r => r.Key.Length == 3 && r.Key[0] == '2' && r.Value.Content is not { Count: > 0 });
                return new ResponseModel(ResponseKind.Json, use, response.Description) { BodyOptional = bodyOptional };
            }

            return new ResponseModel(ResponseKind.Text, new TypeUse(new PrimitiveRef(PrimitiveKind.String), false), response.Description);
        }

        return ResponseModel.None;
    }
}
