using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>Emits one request-builder class per path node, with one method per operation.</summary>
internal sealed partial class BuilderEmitter(TypeNames names)
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    public string Emit(BuilderSpec node)
    {
        var writer = new SourceWriter();
        var isRoot = node.IsRoot;
        writer.Line($"namespace {node.Namespace};").Line();
        if (isRoot)
        {
            writer.Doc("summary", "The client of Logto's Management API: start here and follow the path, e.g. client.Users[\"id\"].Roles.GetAsync().");
            writer.Open($"public partial class {node.ClassName}");
        }
        else
        {
            writer.DocRaw($"<summary>Requests to <c>{Identifiers.XmlEscape(node.PathTemplate)}</c>.</summary>");
            writer.Open($"public partial class {node.ClassName}");
            writer.Line($"private readonly {names.Http}.LogtoRequestAdapter? _requestAdapter;");
            writer.Line("private readonly string? _path;").Line();
            // Internal: callers reach builders through the client's properties and indexers, which escape the path
            // parameters; a raw path from outside could address another resource.
            writer.Doc("summary", "Creates the builder for a concrete path; reached through the client's properties and indexers.");
            writer.Doc("param", "Sends the requests.", " name=\"requestAdapter\"");
            writer.Doc("param", "The concrete, escaped path this builder stands for.", " name=\"path\"");
            writer.Open($"internal {node.ClassName}({names.Http}.LogtoRequestAdapter requestAdapter, string path)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(requestAdapter);");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(path);");
            writer.Line("_requestAdapter = requestAdapter;");
            writer.Line("_path = path;");
            writer.Close().Line();
            writer.Doc("summary", "For mocking frameworks only: a member that is not overridden throws InvalidOperationException.");
            writer.Open($"protected {node.ClassName}()");
            writer.Close().Line();
            writer.Line($"private {names.Http}.LogtoRequestAdapter RequestAdapter => _requestAdapter ?? throw {names.Http}.MockingGuard.NoRequestAdapter(nameof({node.ClassName}));").Line();
            writer.Line($"private string Path => _path ?? throw {names.Http}.MockingGuard.NoRequestAdapter(nameof({node.ClassName}));").Line();
        }

        const string adapter = "RequestAdapter";
        var path = isRoot ? Identifiers.Literal(node.PathTemplate) : "Path";
        foreach (var child in node.Children.Values)
        {
            EmitNavigation(writer, child, adapter, path);
        }

        foreach (var operation in node.Operations)
        {
            EmitOperation(writer, operation, adapter, path);
        }

        writer.Close();
        foreach (var operation in node.Operations.Where(o => o.QueryClassName is not null))
        {
            writer.Line();
            EmitQueryClass(writer, operation);
        }

        return SourceWriter.Header + writer;
    }

    private static string TypeOf(BuilderSpec node) => $"global::{node.Namespace}.{node.ClassName}";

    private void EmitNavigation(SourceWriter writer, BuilderSpec child, string adapter, string path)
    {
        if (!child.IsParameter)
        {
            writer.DocRaw($"<summary>Requests to <c>{Identifiers.XmlEscape(child.PathTemplate)}</c>.</summary>");
            writer.Line($"public virtual {TypeOf(child)} {child.MemberName} => new({adapter}, {path} + {Identifiers.Literal("/" + child.Segment)});").Line();
            return;
        }

        var parameters = child.SegmentParameters;
        writer.DocRaw($"<summary>Requests to <c>{Identifiers.XmlEscape(child.PathTemplate)}</c>.</summary>");
        foreach (var parameter in parameters)
        {
            writer.Doc("param", parameter.Description ?? $"The {parameter.WireName} path parameter.", $" name=\"{parameter.Name.TrimStart('@')}\"");
        }

        writer.DocRaw("<exception cref=\"global::System.ArgumentException\">A parameter is null or empty.</exception>");
        var arguments = string.Join(", ", parameters.Select(p => $"{names.Of(p.Type with { Nullable = false })} {p.Name}"));

        // The segment with every {name} replaced by the escaped value.
        var segment = Identifiers.Literal("/");
        var rest = child.Segment;
        foreach (var parameter in parameters)
        {
            var marker = "{" + parameter.WireName + "}";
            var index = rest.IndexOf(marker, StringComparison.Ordinal);
            var escaped = $"{names.Http}.PathSegment.Escape({PathValue(parameter)}, {Identifiers.Literal(parameter.Name.TrimStart('@'))})";
            if (index < 0)
            {
                // Single-parameter segments are shared by operations that name the parameter differently.
                segment += $" + {escaped}";
                rest = "";
                continue;
            }

            if (index > 0)
            {
                segment += " + " + Identifiers.Literal(rest[..index]);
            }

            segment += $" + {escaped}";
            rest = rest[(index + marker.Length)..];
        }

        if (rest.Length > 0)
        {
            segment += " + " + Identifiers.Literal(rest);
        }

        var member = child.IsIndexer ? $"this[{arguments}]" : $"{child.MemberName}({arguments})";
        writer.Line($"public virtual {TypeOf(child)} {member} => new({adapter}, {path} + {segment});").Line();
    }

    /// <summary>
    /// The path parameter as a string, formatted like query parameters are (invariant culture,
    /// round-trip numbers, <c>true</c>/<c>false</c>, ISO 8601), ready for <c>PathSegment.Escape</c>.
    /// </summary>
    private static string PathValue(ParameterSpec parameter)
    {
        const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        var name = parameter.Name;
        return parameter.Type.Type switch
        {
            PrimitiveShape { Kind: PrimitiveKind.String } => name,
            NamedShape { Type: EnumSpec } => name + ".Value",
            PrimitiveShape { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 } => $"{name}.ToString({Invariant})",
            PrimitiveShape { Kind: PrimitiveKind.Double } => $"{name}.ToString(\"R\", {Invariant})",
            PrimitiveShape { Kind: PrimitiveKind.Boolean } => $"({name} ? \"true\" : \"false\")",
            PrimitiveShape { Kind: PrimitiveKind.DateTimeOffset } => $"{name}.ToString(\"O\", {Invariant})",
            // ApiModelBuilder rejects other path parameter types, with the pointer of their schema.
            _ => throw new InvalidOperationException($"The path parameter '{parameter.WireName}' has a type that cannot be written to a path segment ({parameter.Type.Type})."),
        };
    }

    private void EmitOperation(SourceWriter writer, OperationSpec operation, string adapter, string path)
    {
        var method = operation.MethodName;
        var (returnType, send) = operation.Response switch
        {
            // A value type (a bare number or boolean, which no Logto operation answers with) keeps its plain type.
            { Kind: ResponseKind.Json, Type: { } type, BodyOptional: true } when !TypeNames.IsValueType(type.Type) =>
                ($"{Task}<{names.OfResponse(type).TrimEnd('?')}?>", $"SendOptionalAsync(request, {names.ResponseInfo(type)}, cancellationToken)"),
            { Kind: ResponseKind.Json, Type: { } type } => ($"{Task}<{names.OfResponse(type)}>", $"SendAsync(request, {names.ResponseInfo(type)}, cancellationToken)"),
            { Kind: ResponseKind.Text } => ($"{Task}<string>", "SendStringAsync(request, cancellationToken)"),
            _ => (Task, "SendNoContentAsync(request, cancellationToken)"),
        };

        WriteOperationDocs(writer, operation);
        EmitSend(writer, operation, adapter, path, returnType, method, send);
        if (operation.Response.Kind is ResponseKind.Text)
        {
            WriteOperationDocs(
                writer,
                operation,
                summary: operation.SummaryOrOperationId + " (the body as a stream)",
                remarks: $"<para>Like <see cref=\"{method}\"/>, but the body is not buffered: read it from the stream as it arrives, and dispose the stream, which releases the response.</para>",
                returns: "The body as a stream, read as it arrives; dispose it.");
            EmitSend(writer, operation, adapter, path, $"{Task}<global::System.IO.Stream>", operation.HttpMethod + "StreamAsync", "SendStreamAsync(request, cancellationToken)");
        }

        if (operation.Paging is { } paging)
        {
            EmitPaging(writer, operation, paging, adapter, path);
        }
    }

    /// <summary>A method that builds the request and hands it to the adapter's <paramref name="send"/>.</summary>
    private void EmitSend(SourceWriter writer, OperationSpec operation, string adapter, string path, string returnType, string method, string send)
    {
        writer.Open($"public virtual {returnType} {method}({string.Join(", ", Parameters(operation))})");
        WriteGuards(writer, operation);
        WriteNewRequest(writer, operation, path);
        writer.Line("request.Configure(configure);");
        WriteBody(writer, operation);
        writer.Line($"return {adapter}.{send};");
        writer.Close().Line();
    }

    /// <summary>The method's parameters: required query parameters, the body, the configuration lambda and the token.</summary>
    private List<string> Parameters(OperationSpec operation)
    {
        var parameters = new List<string>();
        foreach (var query in operation.RequiredQuery)
        {
            parameters.Add(names.QueryArgument(query));
        }

        if (operation.Body is { } body)
        {
            parameters.Add(names.BodyArgument(body) + (body.Required ? "" : " = default"));
        }

        var configuration = operation.QueryClassName is null
            ? $"{names.Http}.RequestConfiguration"
            : $"{names.Http}.RequestConfiguration<{operation.QueryClassName}>";
        parameters.Add($"global::System.Action<{configuration}>? configure = default");
        parameters.Add(Token);
        return parameters;
    }

    private static void WriteGuards(SourceWriter writer, OperationSpec operation)
    {
        foreach (var query in operation.RequiredQuery.Where(q => !TypeNames.IsValueType(q.Type.Type)))
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({query.Name});");
        }

        if (operation.Body is { Required: true } requiredBody && !TypeNames.IsValueType(requiredBody.Type.Type))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }
    }

    private string NewRequest(OperationSpec operation, string path) =>
        $"new {names.Http}.RequestInformation(global::System.Net.Http.HttpMethod.{operation.HttpMethod}, {Identifiers.Literal(operation.PathTemplate)}, {path}, {Identifiers.Literal(operation.OperationId)})";

    /// <summary><c>var request = new RequestInformation(...);</c> and the required query parameters.</summary>
    private void WriteNewRequest(SourceWriter writer, OperationSpec operation, string path)
    {
        writer.Line($"var request = {NewRequest(operation, path)};");
        foreach (var query in operation.RequiredQuery)
        {
            writer.Line(QueryWrite("request.Query", query));
        }
    }

    /// <summary>Sets the operation's body on <c>request</c>, if it has one; an optional body only when it is not null.</summary>
    private void WriteBody(SourceWriter writer, OperationSpec operation)
    {
        if (operation.Body is { } content)
        {
            var guard = content.Required ? "" : "if (body is not null) ";
            writer.Line(guard + BodyWrite(content));
        }
    }

    private string BodyWrite(BodySpec body)
    {
        switch (body.Encoding)
        {
            case BodyEncoding.Json:
                return $"request.SetJsonContent(body, {names.Info(body.Type.Type)});";
            case BodyEncoding.Multipart:
            {
                var shape = (ObjectSpec)((NamedShape)body.Type.Type).Type;
                var parts = string.Join(", ", shape.Properties.Select(p => $"new({Identifiers.Literal(p.WireName)}, {PartValue(p)})"));
                return $"request.SetMultipartContent(new global::System.Collections.Generic.KeyValuePair<string, object?>[] {{ {parts} }});";
            }

            default:
            {
                var shape = (ObjectSpec)((NamedShape)body.Type.Type).Type;
                var form = string.Join(" ", shape.Properties.Select(p => QueryWrite("form", new ParameterSpec(p.WireName, "body." + p.Name, p.Type, null, Exploded: false, SentOnlyWhenTrue: false))));
                return $"{{ var form = new {names.Http}.QueryStringBuilder(); {form} request.SetFormContent(form); }}";
            }
        }
    }

    /// <summary>The value of a multipart part: the property, or for a timestamp its number of milliseconds since the epoch.</summary>
    private static string PartValue(PropertySpec property) => property.Type.Type is PrimitiveShape { Kind: PrimitiveKind.EpochMilliseconds }
        ? $"body.{property.Name}{(property.CSharpNullable ? "?" : "")}.ToUnixTimeMilliseconds()"
        : $"body.{property.Name}";

    /// <summary>The statement adding one parameter to a query string (or form) builder.</summary>
    private string QueryWrite(string builder, ParameterSpec parameter)
    {
        var name = Identifiers.Literal(parameter.WireName);
        return parameter.Type.Type switch
        {
            _ when parameter.Exploded => $"{builder}.AddExploded({parameter.Name});",
            PrimitiveShape { Kind: PrimitiveKind.Boolean } when parameter.SentOnlyWhenTrue => $"{builder}.AddFlag({name}, {parameter.Name});",
            ListShape => $"{builder}.AddEach({name}, {parameter.Name});",
            NamedShape { Type: EnumSpec } => $"{builder}.Add({name}, {parameter.Name}{(parameter.Type.Nullable ? "?" : "")}.Value);",
            PrimitiveShape { Kind: PrimitiveKind.Json or PrimitiveKind.JsonObject } => $"{builder}.Add({name}, {parameter.Name}?.ToJsonString());",
            PrimitiveShape { Kind: PrimitiveKind.EpochMilliseconds } => $"{builder}.AddEpochMilliseconds({name}, {parameter.Name});",
            PrimitiveShape => $"{builder}.Add({name}, {parameter.Name});",
            _ => throw new GeneratorException("#/paths", $"the query parameter '{parameter.WireName}' has a type that cannot be written to a query string ({parameter.Type.Type})."),
        };
    }

    private void WriteOperationDocs(
        SourceWriter writer, OperationSpec operation, string? summary = null, string? remarks = null, string? returns = null, string? exceptions = null, string? apiError = null)
    {
        writer.Doc("summary", summary ?? operation.SummaryOrOperationId);
        writer.DocRaw("<remarks>");
        if (remarks is not null)
        {
            writer.DocRaw(remarks);
        }

        if (!string.IsNullOrWhiteSpace(operation.Description))
        {
            writer.DocRaw("<para>");
            foreach (var line in operation.Description.Trim().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                writer.Line("/// " + Identifiers.XmlEscape(line.TrimEnd()));
            }

            writer.DocRaw("</para>");
        }

        if (operation.Deprecated)
        {
            writer.DocRaw("<para>Deprecated by Logto.</para>");
        }

        writer.DocRaw($"<para><c>{operation.HttpMethod.ToUpperInvariant()} {Identifiers.XmlEscape(operation.PathTemplate)}</c>, operationId <c>{Identifiers.XmlEscape(operation.OperationId)}</c>.</para>");
        writer.DocRaw("</remarks>");
        foreach (var query in operation.RequiredQuery)
        {
            writer.Doc("param", (query.Description ?? $"The {query.WireName} query parameter.") + $" (query parameter {query.WireName})", $" name=\"{query.Name.TrimStart('@')}\"");
        }

        if (operation.Body is { } body)
        {
            writer.Doc("param", body.Description ?? "The request body.", " name=\"body\"");
        }

        writer.Doc("param", operation.QueryClassName is null
            ? "Sets headers of this request."
            : "Sets query parameters (see " + operation.QueryClassName + ") and headers of this request.", " name=\"configure\"");
        writer.Doc("param", "Cancels the request.", " name=\"cancellationToken\"");
        if (returns is not null || operation.Response.Kind is not ResponseKind.None)
        {
            var description = returns ?? operation.Response.Description ?? "The response body.";
            if (returns is null && operation.Response is { BodyOptional: true, Type: { } type } && !TypeNames.IsValueType(type.Type))
            {
                description = description.TrimEnd() + (description.TrimEnd().EndsWith('.') ? " " : ". ") + "Null when Logto answers without a body.";
            }

            writer.Doc("returns", description);
        }

        if (exceptions is not null)
        {
            writer.DocRaw(exceptions);
        }

        writer.DocRaw($"<exception cref=\"{names.Http}.LogtoApiException\">{apiError ?? "Logto answered with an unsuccessful status code, or with a body that could not be read."}</exception>");
    }
}
