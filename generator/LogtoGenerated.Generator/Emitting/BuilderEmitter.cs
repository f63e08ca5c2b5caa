using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>Emits one request-builder class per path node, with one method per operation.</summary>
internal sealed class BuilderEmitter(TypeNames names)
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string Token = "global::System.Threading.CancellationToken cancellationToken = default";

    public string Emit(RequestBuilderNode node)
    {
        var writer = new SourceWriter();
        var isRoot = node.Parent is null;
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
            writer.Line($"private readonly {names.Http}.LogtoRequestAdapter _requestAdapter;");
            writer.Line("private readonly string _path;").Line();
            writer.Doc("summary", "Creates the builder for a concrete path; reached through the client's properties and indexers.");
            writer.Doc("param", "Sends the requests.", " name=\"requestAdapter\"");
            writer.Doc("param", "The concrete, escaped path this builder stands for.", " name=\"path\"");
            writer.Open($"public {node.ClassName}({names.Http}.LogtoRequestAdapter requestAdapter, string path)");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(requestAdapter);");
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(path);");
            writer.Line("_requestAdapter = requestAdapter;");
            writer.Line("_path = path;");
            writer.Close().Line();
            writer.Doc("summary", "For mocking frameworks only.");
            writer.Open($"protected {node.ClassName}()");
            writer.Line("_requestAdapter = null!;");
            writer.Line("_path = string.Empty;");
            writer.Close().Line();
        }

        var adapter = isRoot ? "RequestAdapter" : "_requestAdapter";
        var path = isRoot ? Identifiers.Literal(node.PathTemplate) : "_path";
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

    private static string TypeOf(RequestBuilderNode node) => $"global::{node.Namespace}.{node.ClassName}";

    private void EmitNavigation(SourceWriter writer, RequestBuilderNode child, string adapter, string path)
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
    private static string PathValue(ParameterModel parameter)
    {
        const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        var name = parameter.Name;
        return parameter.Type.Type switch
        {
            PrimitiveRef { Kind: PrimitiveKind.String } => name,
            ModelRef { Type: EnumType } => name + ".Value",
            PrimitiveRef { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 } => $"{name}.ToString({Invariant})",
            PrimitiveRef { Kind: PrimitiveKind.Double } => $"{name}.ToString(\"R\", {Invariant})",
            PrimitiveRef { Kind: PrimitiveKind.Boolean } => $"({name} ? \"true\" : \"false\")",
            PrimitiveRef { Kind: PrimitiveKind.DateTimeOffset } => $"{name}.ToString(\"O\", {Invariant})",
            // ApiModelBuilder rejects other path parameter types, with the pointer of their schema.
            _ => throw new InvalidOperationException($"The path parameter '{parameter.WireName}' has a type that cannot be written to a path segment ({parameter.Type.Type})."),
        };
    }

    private void EmitOperation(SourceWriter writer, OperationModel operation, string adapter, string path)
    {
        var method = operation.HttpMethod + "Async";
        var (returnType, send) = operation.Response switch
        {
            { Kind: ResponseKind.Json, Type: { } type } => ($"{Task}<{names.OfResponse(type)}>", $"SendAsync(request, {names.Context}.Default.{ResponseInfo(type)}, cancellationToken)"),
            { Kind: ResponseKind.Text } => ($"{Task}<string>", "SendStringAsync(request, cancellationToken)"),
            _ => (Task, "SendNoContentAsync(request, cancellationToken)"),
        };

        var parameters = new List<string>();
        foreach (var query in operation.RequiredQuery)
        {
            parameters.Add($"{names.Of(query.Type with { Nullable = false })} {query.Name}");
        }

        if (operation.Body is { } body)
        {
            parameters.Add($"{names.Of(body.Type with { Nullable = !body.Required })} body{(body.Required ? "" : " = default")}");
        }

        var configuration = operation.QueryClassName is null
            ? $"{names.Http}.RequestConfiguration"
            : $"{names.Http}.RequestConfiguration<{operation.QueryClassName}>";
        parameters.Add($"global::System.Action<{configuration}>? configure = default");
        parameters.Add(Token);

        WriteOperationDocs(writer, operation);
        writer.Open($"public virtual {returnType} {method}({string.Join(", ", parameters)})");
        foreach (var query in operation.RequiredQuery.Where(q => !TypeNames.IsValueType(q.Type.Type)))
        {
            writer.Line($"global::System.ArgumentNullException.ThrowIfNull({query.Name});");
        }

        if (operation.Body is { Required: true } requiredBody && !TypeNames.IsValueType(requiredBody.Type.Type))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(body);");
        }

        writer.Line($"var request = new {names.Http}.RequestInformation(global::System.Net.Http.HttpMethod.{operation.HttpMethod}, {Identifiers.Literal(operation.PathTemplate)}, {path}, {Identifiers.Literal(operation.OperationId)});");
        foreach (var query in operation.RequiredQuery)
        {
            writer.Line(QueryWrite("request.Query", query));
        }

        writer.Line("request.Configure(configure);");
        if (operation.Body is { } content)
        {
            var guard = content.Required ? "" : "if (body is not null) ";
            writer.Line(guard + BodyWrite(content));
        }

        writer.Line($"return {adapter}.{send};");
        writer.Close().Line();
    }

    private static string ResponseInfo(TypeUse type) => type.Type is ListRef l ? TypeNames.InfoName(l.Item.Type) + "ReadOnlyList" : TypeNames.InfoName(type.Type);

    private string BodyWrite(RequestBodyModel body)
    {
        switch (body.Encoding)
        {
            case BodyEncoding.Json:
                return $"request.SetJsonContent(body, {names.Context}.Default.{TypeNames.InfoName(body.Type.Type)});";
            case BodyEncoding.Multipart:
            {
                var shape = (ObjectType)((ModelRef)body.Type.Type).Type;
                var parts = string.Join(", ", shape.Properties.Select(p => $"new({Identifiers.Literal(p.WireName)}, body.{p.Name})"));
                return $"request.SetMultipartContent(new global::System.Collections.Generic.KeyValuePair<string, object?>[] {{ {parts} }});";
            }

            default:
            {
                var shape = (ObjectType)((ModelRef)body.Type.Type).Type;
                var form = string.Join(" ", shape.Properties.Select(p => QueryWrite("form", new ParameterModel(p.WireName, p.Type) { Name = "body." + p.Name })));
                return $"{{ var form = new {names.Http}.QueryStringBuilder(); {form} request.SetFormContent(form); }}";
            }
        }
    }

    /// <summary>The statement adding one parameter to a query string (or form) builder.</summary>
    private string QueryWrite(string builder, ParameterModel parameter)
    {
        var name = Identifiers.Literal(parameter.WireName);
        return parameter.Type.Type switch
        {
            _ when parameter.Exploded => $"{builder}.AddExploded({parameter.Name});",
            ListRef => $"{builder}.AddEach({name}, {parameter.Name});",
            ModelRef { Type: EnumType } => $"{builder}.Add({name}, {parameter.Name}{(parameter.Type.Nullable ? "?" : "")}.Value);",
            PrimitiveRef { Kind: PrimitiveKind.Json or PrimitiveKind.JsonObject } => $"{builder}.Add({name}, {parameter.Name}?.ToJsonString());",
            PrimitiveRef => $"{builder}.Add({name}, {parameter.Name});",
            _ => throw new GeneratorException("#/paths", $"the query parameter '{parameter.WireName}' has a type that cannot be written to a query string ({parameter.Type.Type})."),
        };
    }

    private void WriteOperationDocs(SourceWriter writer, OperationModel operation)
    {
        writer.Doc("summary", operation.Summary ?? operation.OperationId);
        writer.DocRaw("<remarks>");
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
        if (operation.Response.Kind is not ResponseKind.None)
        {
            writer.Doc("returns", operation.Response.Description ?? "The response body.");
        }

        writer.DocRaw($"<exception cref=\"{names.Http}.LogtoApiException\">Logto answered with an unsuccessful status code, or with a body that could not be read.</exception>");
    }

    private void EmitQueryClass(SourceWriter writer, OperationModel operation)
    {
        writer.DocRaw($"<summary>Optional query parameters of <c>{operation.OperationId}</c> (<c>{operation.HttpMethod.ToUpperInvariant()} {Identifiers.XmlEscape(operation.PathTemplate)}</c>).</summary>");
        writer.Open($"public sealed class {operation.QueryClassName} : {names.Http}.IQueryParameters");
        foreach (var parameter in operation.OptionalQuery)
        {
            var description = parameter.Description ?? $"The {parameter.WireName} query parameter.";
            writer.DocRaw("<summary>");
            foreach (var line in description.Split('\n'))
            {
                writer.Line("/// " + Identifiers.XmlEscape(line.TrimEnd()));
            }

            writer.DocRaw(parameter.Exploded
                ? $"Each entry is sent as its own query parameter (<c>{Identifiers.XmlEscape(parameter.WireName)}</c> is <c>style: form, explode: true</c>)."
                : $"Sent as <c>{Identifiers.XmlEscape(parameter.WireName)}</c>.");
            writer.DocRaw("</summary>");
            writer.Line($"public {names.Of(parameter.Type with { Nullable = true })} {parameter.Name} {{ get; set; }}").Line();
        }

        writer.Open($"void {names.Http}.IQueryParameters.WriteTo({names.Http}.QueryStringBuilder query)");
        foreach (var parameter in operation.OptionalQuery)
        {
            writer.Line(QueryWrite("query", new ParameterModel(parameter.WireName, parameter.Type with { Nullable = true }) { Name = parameter.Name, Exploded = parameter.Exploded }));
        }

        writer.Close();
        writer.Close();
    }
}
