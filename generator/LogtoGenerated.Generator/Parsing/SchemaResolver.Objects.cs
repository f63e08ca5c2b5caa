using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Spec;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

internal sealed partial class SchemaResolver
{
    /// <summary>An object schema: a type of its properties, or a map or any JSON object when it has none of its own.</summary>
    private TypeUse ResolveObject(IOpenApiSchema schema, string pointer, NameHint hint, bool nullable, bool multipart, bool request, bool requestBody)
    {
        var properties = schema.Properties;
        if (properties is null || properties.Count == 0)
        {
            return ResolveFreeFormObject(schema, pointer, hint, nullable, request);
        }

        if (properties is { Count: 1 } && properties.Keys.Single() is ['[', .., ']'] placeholder)
        {
            return ResolvePlaceholderMap(placeholder, properties[placeholder], pointer, hint, nullable, request);
        }

        var slot = new ParentSlot();
        var resolved = ResolveProperties(schema, properties, pointer, hint, slot, multipart, request, requestBody);
        var type = GetOrAdd(ObjectKey(resolved, multipart), pointer, schema, (k, order) =>
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
        AddUse(type, hint);
        return new TypeUse(new ModelRef(type), nullable);
    }

    /// <summary>An object schema without properties: a map of its <c>additionalProperties</c>, else any JSON object.</summary>
    private TypeUse ResolveFreeFormObject(IOpenApiSchema schema, string pointer, NameHint hint, bool nullable, bool request)
    {
        var additional = schema.AdditionalProperties;
        if (additional is not null && !IsEmptySchema(additional))
        {
            var value = Resolve(additional, pointer + "/additionalProperties", hint.ForElements("Value"), request: request);
            return new TypeUse(new MapRef(value), nullable);
        }

        return new TypeUse(new PrimitiveRef(PrimitiveKind.JsonObject), nullable);
    }

    /// <summary>
    /// The properties of an object schema, in the document's order. A request body leaves out its server-managed ones,
    /// and records them in <see cref="LeftOut"/>.
    /// </summary>
    private List<PropertyModel> ResolveProperties(
        IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> properties, string pointer, NameHint hint, ParentSlot slot, bool multipart, bool request, bool requestBody)
    {
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

            resolved.Add(ResolveProperty(wireName, propertySchema, required, pointer, hint, slot, multipart, request));
        }

        return resolved;
    }

    /// <summary>One property of an object schema; the type it resolves to is named after the object in <paramref name="slot"/>.</summary>
    private PropertyModel ResolveProperty(
        string wireName, IOpenApiSchema propertySchema, ISet<string> required, string pointer, NameHint hint, ParentSlot slot, bool multipart, bool request)
    {
        var propertyPointer = pointer + "/properties/" + GeneratorException.Escape(wireName);
        var childHint = new NameHint(NameHint.NestedRank, null, slot, wireName, hint.Folder, null, "." + wireName);
        var use = Timestamps.PropertyForm(wireName, propertyPointer, Resolve(propertySchema, propertyPointer, childHint, multipart, request));

        // In a request, a required property with a default is optional: Logto fills in the default when it is left out.
        var serverFilled = request && IsServerFilled(wireName, propertySchema, required);
        return new PropertyModel(wireName, use, required.Contains(wireName) && !serverFilled)
        {
            Description = serverFilled
                ? (Clean(propertySchema.Description) is { } d ? d + "\n" : "") + $"Optional: when left out, Logto uses {propertySchema.Default!.ToJsonString()}."
                : Clean(propertySchema.Description),
            Deprecated = propertySchema.Deprecated,
            Literal = LiteralOf(propertySchema),
        };
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

    private static bool IsEmptySchema(IOpenApiSchema schema) =>
        schema is not OpenApiSchemaReference
        && schema.Type is null && schema.Properties is not { Count: > 0 } && schema.Items is null
        && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.Enum is not { Count: > 0 }
        && schema.AdditionalProperties is null;
}
