using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Model;
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
internal sealed class SchemaResolver
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

    /// <summary>Resolves the schema at <paramref name="pointer"/>, recording <paramref name="hint"/> as a name candidate.</summary>
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

    /// <summary>
    /// The single value a string schema allows, if it is a literal. Logto's document writes zod
    /// literals as <c>{"type":"string","format":"\"Totp\""}</c>; <c>const</c> and one-value enums count too.
    /// </summary>
    public static string? LiteralOf(IOpenApiSchema? schema)
    {
        if (schema is null || schema is OpenApiSchemaReference)
        {
            return null;
        }

        if (schema.Const is { } constant)
        {
            return constant;
        }

        if (schema.Enum is { Count: 1 } values && values[0] is JsonValue value && value.TryGetValue(out string? text))
        {
            return text;
        }

        var format = schema.Format;
        if ((schema.Type & ~JsonSchemaType.Null) == JsonSchemaType.String && format is { Length: >= 2 } && format[0] == '"' && format[^1] == '"')
        {
            return format[1..^1];
        }

        return null;
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
            AddCandidate(known, hint);
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
        AddCandidate(use, hint);
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

    private TypeUse ResolveObject(IOpenApiSchema schema, string pointer, NameHint hint, bool nullable, bool multipart, bool request, bool requestBody)
    {
        var properties = schema.Properties;
        if (properties is null || properties.Count == 0)
        {
            var additional = schema.AdditionalProperties;
            if (additional is not null && !IsEmptySchema(additional))
            {
                var value = Resolve(additional, pointer + "/additionalProperties", hint.ForElements("Value"), request: request);
                return new TypeUse(new MapRef(value), nullable);
            }

            return new TypeUse(new PrimitiveRef(PrimitiveKind.JsonObject), nullable);
        }

        if (properties is { Count: 1 } && properties.Keys.Single() is ['[', .., ']'] placeholder)
        {
            return ResolvePlaceholderMap(placeholder, properties[placeholder], pointer, hint, nullable, request);
        }

        var slot = new ParentSlot();
        var resolved = new List<PropertyModel>(properties.Count);
        var required = schema.Required ?? new HashSet<string>();
        foreach (var (wireName, propertySchema) in properties)
        {
            if (requestBody && _serverManaged.Contains(wireName))
            {
                // The server sets it whatever the request says (tenantId: the caller's tenant; createdAt: now).
                _leftOut.Add(wireName);
                continue;
            }

            var propertyPointer = pointer + "/properties/" + GeneratorException.Escape(wireName);
            var childHint = new NameHint(NameHint.NestedRank, null, slot, wireName, hint.Folder, null, "." + wireName);
            var use = Timestamps.PropertyForm(wireName, propertyPointer, Resolve(propertySchema, propertyPointer, childHint, multipart, request));

            // In a request, a required property with a default is optional: Logto fills in the default when it is left out.
            var serverFilled = request && IsServerFilled(wireName, propertySchema, required);
            var property = new PropertyModel(wireName, use, required.Contains(wireName) && !serverFilled)
            {
                Description = serverFilled
                    ? (Clean(propertySchema.Description) is { } d ? d + "\n" : "") + $"Optional: when left out, Logto uses {propertySchema.Default!.ToJsonString()}."
                    : Clean(propertySchema.Description),
                Deprecated = propertySchema.Deprecated,
                Literal = LiteralOf(propertySchema),
            };
            resolved.Add(property);
        }

        var key = new StringBuilder(multipart ? "m(" : "o(");
        foreach (var property in resolved.OrderBy(p => p.WireName, StringComparer.Ordinal))
        {
            key.Append(property.WireName).Append(':').Append(KeyOf(property.Type));
            if (property.Required)
            {
                key.Append('!');
            }

            if (property.Literal is not null)
            {
                key.Append("=\"").Append(property.Literal).Append('"');
            }

            key.Append(';');
        }

        key.Append(')');
        var type = GetOrAdd(key.ToString(), pointer, schema, (k, order) =>
        {
            var created = new ObjectType(k, order);
            created.Properties.AddRange(resolved);
            return created;
        });

        // Merged shapes keep the first description of each property that has one.
        if (!ReferenceEquals(((ObjectType)type).Properties, resolved))
        {
            foreach (var property in ((ObjectType)type).Properties)
            {
                property.Description ??= resolved.First(p => p.WireName == property.WireName).Description;
            }
        }

        slot.Fill(type);
        AddCandidate(type, hint);
        return new TypeUse(new ModelRef(type), nullable);
    }

    /// <summary>
    /// Logto writes a record (any key) as an object with one property named by a bracketed placeholder:
    /// <c>{"[translationKey]": ...}</c>. It is a map from any key to that property's schema. A placeholder's string values
    /// may nest in Logto (a custom phrase is a string or a group of phrases, which the document does not say), so a
    /// string value widens to any JSON value (<c>JsonNode</c>): a phrase or a nested group.
    /// </summary>
    private TypeUse ResolvePlaceholderMap(string placeholder, IOpenApiSchema valueSchema, string pointer, NameHint hint, bool nullable, bool request)
    {
        var value = Resolve(valueSchema, pointer + "/properties/" + GeneratorException.Escape(placeholder), hint.ForElements("Value"), request: request);
        if (value.Type is PrimitiveRef { Kind: PrimitiveKind.String })
        {
            value = new TypeUse(new PrimitiveRef(PrimitiveKind.Json), Nullable: false);
        }

        return new TypeUse(new MapRef(value), nullable);
    }

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
        var key = "e(" + string.Join('|', values.Order(StringComparer.Ordinal)) + ")";
        var type = GetOrAdd(key, pointer, schema, (k, order) =>
        {
            var created = new EnumType(k, order);
            created.Values.AddRange(values);
            return created;
        });
        AddCandidate(type, hint);
        return new TypeUse(new ModelRef(type), nullable);
    }

    private TypeUse ResolveUnion(IOpenApiSchema schema, IList<IOpenApiSchema> alternatives, string pointer, NameHint hint, bool nullable, bool request)
    {
        // Literal and enum alternatives of strings merge into one enum: "Totp" | "WebAuthn" | ...
        var literalValues = new List<string>();
        var allStringValues = true;
        var anyPlainString = false;
        foreach (var alternative in alternatives)
        {
            var target = alternative is OpenApiSchemaReference r ? r.Target : alternative;
            nullable |= target?.Type is { } at && at.HasFlag(JsonSchemaType.Null);
            if (LiteralOf(alternative) is { } literal)
            {
                literalValues.Add(literal);
            }
            else if (target?.Enum is { Count: > 0 } values && values.All(v => v is JsonValue jv && jv.TryGetValue(out string? _)))
            {
                literalValues.AddRange(values.Select(v => ((JsonValue)v).GetValue<string>()));
            }
            else if (target is not null && (target.Type & ~JsonSchemaType.Null) == JsonSchemaType.String && target.OneOf is null)
            {
                anyPlainString = true;
            }
            else
            {
                allStringValues = false;
            }
        }

        if (allStringValues)
        {
            return anyPlainString || literalValues.Count == 0
                ? new TypeUse(new PrimitiveRef(PrimitiveKind.String), nullable)
                : EnumOf(literalValues.Distinct(StringComparer.Ordinal).ToList(), pointer, schema, hint, nullable);
        }

        var slot = new ParentSlot();
        var discriminator = FindDiscriminator(alternatives);
        var uses = new List<(TypeUse Use, string? Discriminator, string Member)>();
        for (var i = 0; i < alternatives.Count; i++)
        {
            var alternative = alternatives[i];
            var discriminatorValue = discriminator is null ? null : LiteralOf(Target(alternative)!.Properties![discriminator]);
            var member = discriminatorValue ?? DistinguishingMember(alternatives, i);
            var childHint = new NameHint(NameHint.NestedRank, null, slot, member, hint.Folder, null, "|" + member);
            var use = Resolve(alternative, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), childHint, request: request);
            nullable |= use.Nullable;
            use = use with { Nullable = false };
            if (!uses.Any(u => u.Use == use))
            {
                uses.Add((use, discriminatorValue, member));
            }
        }

        if (uses.Count == 1)
        {
            return uses[0].Use with { Nullable = nullable };
        }

        // A union over most JSON kinds with only free-form objects is "any JSON value".
        var kinds = uses.Select(u => JsonKindOf(u.Use.Type)).Distinct().Count();
        var structured = uses.Any(u => u.Use.Type is ModelRef { Type: ObjectType or UnionType });
        if (!structured && kinds >= 3)
        {
            return new TypeUse(new PrimitiveRef(PrimitiveKind.Json), Nullable: true);
        }

        // Alternatives of one primitive kind (e.g. two number shapes) are that kind.
        if (uses.All(u => u.Use.Type is PrimitiveRef) && uses.Select(u => u.Use.Type).Distinct().Count() == 1)
        {
            return uses[0].Use with { Nullable = nullable };
        }

        var key = "u(" + (discriminator ?? "") + ":" + string.Join('|', uses.Select(u => KeyOf(u.Use))) + ")";
        var type = (UnionType)GetOrAdd(key, pointer, schema, (k, order) =>
        {
            var created = new UnionType(k, order) { Discriminator = discriminator };
            created.Alternatives.AddRange(uses.Select(u => new UnionAlternative(u.Use) { DiscriminatorValue = u.Discriminator, Member = u.Member }));
            return created;
        });
        slot.Fill(type);
        AddCandidate(type, hint);
        return new TypeUse(new ModelRef(type), nullable);
    }

    private static IOpenApiSchema? Target(IOpenApiSchema schema) => schema is OpenApiSchemaReference r ? r.Target : schema;

    /// <summary>A property every object alternative fixes to a different literal value (prefers <c>type</c>).</summary>
    private static string? FindDiscriminator(IList<IOpenApiSchema> alternatives)
    {
        var objects = alternatives.Select(Target).Where(a => a?.Properties is { Count: > 0 }).ToList();
        if (objects.Count < 2 || objects.Count != alternatives.Count)
        {
            return null;
        }

        var names = objects[0]!.Properties!.Keys.OrderBy(n => n == "type" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal);
        foreach (var name in names)
        {
            var values = objects.Select(o => o!.Properties!.TryGetValue(name, out var p) ? LiteralOf(p) : null).ToList();
            if (values.All(v => v is not null) && values.Distinct(StringComparer.Ordinal).Count() == values.Count)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// A name for an alternative without a discriminator: the value of a literal property it has,
    /// else a property that not every alternative has (<c>WithSecret</c>), else its JSON kind.
    /// </summary>
    private static string DistinguishingMember(IList<IOpenApiSchema> alternatives, int index)
    {
        var target = Target(alternatives[index]);
        if (target?.Properties is not { Count: > 0 } properties)
        {
            var kind = target?.Type & ~JsonSchemaType.Null;
            return kind switch
            {
                JsonSchemaType.Array => "List",
                JsonSchemaType.Object => "Object",
                JsonSchemaType.String => "String",
                JsonSchemaType.Boolean => "Boolean",
                JsonSchemaType.Number or JsonSchemaType.Integer => "Number",
                _ => "Value",
            };
        }

        var literal = properties.OrderBy(p => p.Key == "type" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => LiteralOf(p.Value)).FirstOrDefault(v => v is not null);
        if (literal is not null)
        {
            return Identifiers.Pascal(literal);
        }

        var others = alternatives.Where((_, i) => i != index).Select(Target).ToList();
        var required = target.Required ?? new HashSet<string>();
        var own = properties.Keys.OrderBy(name => required.Contains(name) ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal)
            .FirstOrDefault(name => others.Any(o => o?.Properties is null || !o.Properties.ContainsKey(name)));
        return own is null ? "Object" : "With" + Identifiers.Pascal(own);
    }

    private static string JsonKindOf(TypeRef type) => type switch
    {
        PrimitiveRef { Kind: PrimitiveKind.String or PrimitiveKind.DateTimeOffset } => "string",
        PrimitiveRef { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double or PrimitiveKind.EpochMilliseconds } => "number",
        PrimitiveRef { Kind: PrimitiveKind.Boolean } => "boolean",
        PrimitiveRef { Kind: PrimitiveKind.JsonObject } or MapRef or ModelRef { Type: ObjectType } => "object",
        ListRef => "array",
        ModelRef { Type: EnumType } => "string",
        _ => "any",
    };

    private static bool IsEmptySchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && schema.Type is null && schema.Properties is not { Count: > 0 } && schema.Items is null
        && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Enum is not { Count: > 0 }
        && schema.AdditionalProperties is null;

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

    private static void AddCandidate(TypeUse use, NameHint hint)
    {
        var type = use.Type switch
        {
            ModelRef m => m.Type,
            ListRef { Item.Type: ModelRef m } => m.Type,
            _ => null,
        };
        if (type is not null)
        {
            AddCandidate(type, hint);
        }
    }

    private static void AddCandidate(ModelType type, NameHint hint)
    {
        var candidate = hint.ToCandidate();
        type.Candidates.Add(candidate);
        if (hint.Parent is { Type: null } slot)
        {
            slot.Pending.Add((type, candidate));
        }
    }

    /// <summary>The structural key of a type use, as part of its parent's key.</summary>
    public static string KeyOf(TypeUse use) => KeyOf(use.Type) + (use.Nullable ? "?" : "");

    private static string KeyOf(TypeRef type) => type switch
    {
        PrimitiveRef p => p.Kind.ToString(),
        ModelRef m => "#" + m.Type.FirstSeen.ToString(CultureInfo.InvariantCulture),
        ListRef l => "[" + KeyOf(l.Item) + "]",
        MapRef m => "{" + KeyOf(m.Value) + "}",
        _ => throw new InvalidOperationException("Unknown type reference " + type),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
