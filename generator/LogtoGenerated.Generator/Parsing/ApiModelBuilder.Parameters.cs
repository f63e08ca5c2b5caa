using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

internal sealed partial class ApiModelBuilder
{
    private void AddParameters(IOpenApiPathItem item, OpenApiOperation operation, string pointer, RequestBuilderNode node, OperationModel model, string noun, string folder)
    {
        foreach (var (parameter, parameterPointer) in EffectiveParameters(item, operation, pointer))
        {
            AddParameter(parameter, parameterPointer, node, model, noun, folder);
        }

        EnsureAllPathParametersBound(node, model, pointer);
    }

    /// <summary>The parameters of an operation, each with its pointer: its own, then those of its path item it does not override.</summary>
    private static List<(IOpenApiParameter Parameter, string Pointer)> EffectiveParameters(IOpenApiPathItem item, OpenApiOperation operation, string pointer)
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

        return parameters;
    }

    /// <summary>
    /// Resolves one parameter and adds it where it belongs: a path parameter to the builder of its segment, a query
    /// parameter to the operation's required or optional query. Headers and cookies are left out.
    /// </summary>
    private void AddParameter(IOpenApiParameter parameter, string parameterPointer, RequestBuilderNode node, OperationModel model, string noun, string folder)
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
            replaced.Uses.RemoveAll(c => c.Use == hint.Use);
        }

        var parameterModel = new ParameterModel(parameter.Name, use) { Description = parameter.Description, Exploded = exploded, SentOnlyWhenTrue = flag };
        switch (parameter.In)
        {
            case ParameterLocation.Path when !IsPathValue(use.Type):
                throw new GeneratorException(parameterPointer + "/schema", $"the path parameter '{parameter.Name}' must be a string, a number, a boolean or a string enum to be written into the path.");
            case ParameterLocation.Path:
                BindPathParameter(node, model, parameterModel, parameterPointer);
                break;
            case ParameterLocation.Query when parameter.Required:
                model.RequiredQuery.Add(parameterModel);
                break;
            case ParameterLocation.Query:
                model.OptionalQuery.Add(parameterModel);
                break;
            case ParameterLocation.Header or ParameterLocation.Cookie:
                // Headers and cookies are set through the request configuration.
                break;
        }
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
}
