using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Model;
using Microsoft.OpenApi;

namespace LogtoGenerated.Generator.Parsing;

internal sealed partial class SchemaResolver
{
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

    /// <summary>
    /// The structural key of an object type: each property by wire name, with its type, whether it is required and its
    /// literal value. Multipart bodies have keys of their own.
    /// </summary>
    private static string ObjectKey(IEnumerable<PropertyModel> properties, bool multipart)
    {
        var key = new StringBuilder(multipart ? "m(" : "o(");
        foreach (var property in properties.OrderBy(p => p.WireName, StringComparer.Ordinal))
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
        return key.ToString();
    }

    /// <summary>The structural key of an enum type: its values, in ordinal order.</summary>
    private static string EnumKey(IEnumerable<string> values) => "e(" + string.Join('|', values.Order(StringComparer.Ordinal)) + ")";

    /// <summary>The structural key of a union type: its discriminator and its alternatives, in order.</summary>
    private static string UnionKey(string? discriminator, IEnumerable<TypeUse> alternatives) =>
        "u(" + (discriminator ?? "") + ":" + string.Join('|', alternatives.Select(KeyOf)) + ")";
}
