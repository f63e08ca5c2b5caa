using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>
/// Turns schemas into C# type uses. Object, enum and union schemas with the same structure
/// (properties, their types, required-ness and nullability; descriptions aside) become one
/// <see cref="ModelType"/>, whichever part of the document they come from.
/// </summary>
/// <remarks>
/// Request bodies are resolved in request mode: there a property the document requires but gives a <c>default</c>
/// is optional, since Logto fills it in when it is left out (<c>"resourceScopeIds": {"default": []}</c>). Its type
/// then has a structural key of its own, so the shape of a response using the same schema is unchanged.
/// </remarks>
internal sealed partial class SchemaResolver
{
    private readonly Dictionary<string, ModelType> _typesByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeUse> _components = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolvingComponents = new(StringComparer.Ordinal);
    private readonly List<ModelType> _types = [];
    private readonly IReadOnlySet<string> _serverManaged;
    private readonly HashSet<string> _leftOut = new(StringComparer.Ordinal);

    /// <param name="serverManaged">Properties request bodies leave out because the server sets them (<c>tenantId</c>).</param>
    public SchemaResolver(IReadOnlySet<string> serverManaged) => _serverManaged = serverManaged;

    /// <summary>The server-managed properties some request body had, and so left out.</summary>
    public IReadOnlySet<string> LeftOut => _leftOut;

    /// <summary>Every type created so far, in order of first appearance.</summary>
    public IReadOnlyList<ModelType> Types => _types;

    /// <summary>Resolves the schema at <paramref name="pointer"/>, recording <paramref name="hint"/> as a use of the shape.</summary>
    /// <param name="schema">The schema; none is any JSON value.</param>
    /// <param name="pointer">The JSON pointer of the schema, for errors and exceptions to rules.</param>
    /// <param name="hint">The name this use suggests for the type.</param>
    /// <param name="multipart">True for the properties of a multipart body: binary strings are files there.</param>
    /// <param name="request">True inside a request body: required properties with a <c>default</c> are optional there.</param>
    /// <param name="requestBody">
    /// True for the schema of a request body itself: its server-managed properties (<c>tenantId</c>) are left out. Not
    /// passed on to nested schemas, whose same-named properties are data (a JWT sample's <c>user.createdAt</c>).
    /// </param>
    public TypeUse Resolve(IOpenApiSchema? schema, string pointer, NameHint hint, bool multipart = false, bool request = false, bool requestBody = false)
    {
        if (schema is null)
        {
            return new TypeUse(new PrimitiveRef(PrimitiveKind.Json), Nullable: true);
        }

        if (schema is OpenApiSchemaReference reference)
        {
            return ResolveComponent(reference, pointer, hint, request, requestBody);
        }

        if (schema.AllOf is { Count: > 0 })
        {
            throw new GeneratorException(pointer + "/allOf", "allOf is not supported. Inline the combined properties into one object schema.");
        }

        if (schema.Not is not null)
        {
            throw new GeneratorException(pointer + "/not", "'not' schemas are not supported: they describe no C# type.");
        }

        var nullable = schema.Type is { } t && t.HasFlag(JsonSchemaType.Null);
        if (schema.OneOf is { Count: > 0 } oneOf)
        {
            return ResolveUnion(schema, oneOf, pointer + "/oneOf", hint, nullable, request);
        }

        if (schema.AnyOf is { Count: > 0 } anyOf)
        {
            return ResolveUnion(schema, anyOf, pointer + "/anyOf", hint, nullable, request);
        }

        if (schema.Enum is { Count: > 0 })
        {
            return ResolveEnum(schema, pointer, hint, nullable);
        }

        var type = schema.Type & ~JsonSchemaType.Null;
        return type switch
        {
            JsonSchemaType.String => new TypeUse(new PrimitiveRef(StringKind(schema, multipart)), nullable),
            JsonSchemaType.Integer => new TypeUse(new PrimitiveRef(schema.Format == "int64" ? PrimitiveKind.Int64 : PrimitiveKind.Int32), nullable),
            JsonSchemaType.Number => new TypeUse(new PrimitiveRef(NumberKind(schema)), nullable),
            JsonSchemaType.Boolean => new TypeUse(new PrimitiveRef(PrimitiveKind.Boolean), nullable),
            JsonSchemaType.Array => new TypeUse(new ListRef(ResolveArrayItems(schema, pointer, hint, request)), nullable),
            JsonSchemaType.Object => ResolveObject(schema, pointer, hint, nullable, multipart, request, requestBody),
            null or 0 when schema.Properties is { Count: > 0 } => ResolveObject(schema, pointer, hint, nullable, multipart, request, requestBody),
            // No type at all: any JSON value, or a file in a multipart body.
            null or 0 => new TypeUse(new PrimitiveRef(multipart ? PrimitiveKind.File : PrimitiveKind.Json), Nullable: true),
            // Several types without oneOf (OpenAPI 3.1 "type": [..]): any JSON value.
            _ => new TypeUse(new PrimitiveRef(PrimitiveKind.Json), Nullable: true),
        };
    }

    private static PrimitiveKind StringKind(IOpenApiSchema schema, bool multipart) => schema.Format switch
    {
        "date-time" => PrimitiveKind.DateTimeOffset,
        "binary" when multipart => PrimitiveKind.File,
        _ => PrimitiveKind.String,
    };

    private static PrimitiveKind NumberKind(IOpenApiSchema schema) => schema.Format switch
    {
        "int32" => PrimitiveKind.Int32,
        "int64" => PrimitiveKind.Int64,
        _ => PrimitiveKind.Double,
    };

    private TypeUse ResolveComponent(OpenApiSchemaReference reference, string pointer, NameHint hint, bool request, bool requestBody)
    {
        var id = reference.Reference.Id;
        if (reference.Target is null || string.IsNullOrEmpty(id))
        {
            throw new GeneratorException(pointer + "/$ref", $"the reference '{reference.Reference.ReferenceV3}' does not point to a schema in #/components/schemas.");
        }

        // A component is resolved once, and once more for requests only when request mode changes its shape.
        request = request && ChangesInRequests(reference.Target, []);
        requestBody = requestBody && reference.Target.Properties?.Keys.Any(_serverManaged.Contains) == true;
        var cacheKey = id + (request ? "\n(request)" : "") + (requestBody ? "\n(request body)" : "");
        if (_components.TryGetValue(cacheKey, out var known))
        {
            AddUse(known, hint);
            return known;
        }

        if (!_resolvingComponents.Add(id))
        {
            throw new GeneratorException(pointer + "/$ref", $"the schema '{id}' refers to itself; recursive schemas are not supported.");
        }

        var componentPointer = "#/components/schemas/" + GeneratorException.Escape(id);
        var use = Resolve(reference.Target, componentPointer, new NameHint(NameHint.ComponentRank, Identifiers.Pascal(id), null, null, hint.Folder, null, "component " + id), request: request, requestBody: requestBody);
        _resolvingComponents.Remove(id);
        _components[cacheKey] = use;
        AddUse(use, hint);
        return use;
    }

    /// <summary>
    /// Whether request mode changes the schema: it, or a schema inside it, has a required property with a
    /// <c>default</c>. <paramref name="visiting"/> holds the schemas on the way, against cycles.
    /// </summary>
    private static bool ChangesInRequests(IOpenApiSchema? schema, HashSet<IOpenApiSchema> visiting)
    {
        var target = schema is OpenApiSchemaReference r ? r.Target : schema;
        if (target is null || !visiting.Add(target))
        {
            return false;
        }

        var required = target.Required ?? new HashSet<string>();
        return (target.Properties ?? new Dictionary<string, IOpenApiSchema>()).Any(p => IsServerFilled(p.Key, p.Value, required) || ChangesInRequests(p.Value, visiting))
            || ChangesInRequests(target.Items, visiting)
            || ChangesInRequests(target.AdditionalProperties, visiting)
            || (target.OneOf ?? []).Concat(target.AnyOf ?? []).Any(a => ChangesInRequests(a, visiting));
    }

    /// <summary>A property the document requires but gives a default: Logto fills it in when a request leaves it out.</summary>
    private static bool IsServerFilled(string wireName, IOpenApiSchema schema, ISet<string> required) =>
        required.Contains(wireName) && schema.Default is not null;

    private TypeUse ResolveArrayItems(IOpenApiSchema schema, string pointer, NameHint hint, bool request) =>
        Resolve(schema.Items, pointer + "/items", hint.ForElements("ListItem"), request: request);

    private TypeUse ResolveEnum(IOpenApiSchema schema, string pointer, NameHint hint, bool nullable)
    {
        var values = new List<string>();
        foreach (var node in schema.Enum!)
        {
            if (node is null)
            {
                nullable = true;
                continue;
            }

            if (node is not JsonValue value || !value.TryGetValue(out string? text))
            {
                // Non-string enums (numbers, booleans) keep their primitive type.
                schema = new OpenApiSchema { Type = schema.Type, Format = schema.Format };
                return Resolve(schema, pointer, hint);
            }

            if (!values.Contains(text, StringComparer.Ordinal))
            {
                values.Add(text);
            }
        }

        return EnumOf(values, pointer, schema, hint, nullable);
    }

    private TypeUse EnumOf(List<string> values, string pointer, IOpenApiSchema schema, NameHint hint, bool nullable)
    {
        var type = GetOrAdd(EnumKey(values), pointer, schema, (k, order) =>
        {
            var created = new EnumType(k, order);
            created.Values.AddRange(values);
            return created;
        });
        AddUse(type, hint);
        return new TypeUse(new ModelRef(type), nullable);
    }

    private ModelType GetOrAdd(string key, string pointer, IOpenApiSchema schema, Func<string, int, ModelType> create)
    {
        if (!_typesByKey.TryGetValue(key, out var type))
        {
            type = create(key, _types.Count);
            type.Pointer = pointer;
            _typesByKey.Add(key, type);
            _types.Add(type);
        }

        type.Description ??= Clean(schema.Description);
        return type;
    }

    private static void AddUse(TypeUse use, NameHint hint)
    {
        var type = use.Type switch
        {
            ModelRef m => m.Type,
            ListRef { Item.Type: ModelRef m } => m.Type,
            _ => null,
        };
        if (type is not null)
        {
            AddUse(type, hint);
        }
    }

    private static void AddUse(ModelType type, NameHint hint)
    {
        var use = hint.ToUse();
        type.Uses.Add(use);
        if (hint.Parent is { Type: null } slot)
        {
            slot.Pending.Add((type, use));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
