using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LogtoGenerated.TestShared;

/// <summary>How a schema is read when values are checked against it.</summary>
internal enum SchemaReading
{
    /// <summary>
    /// As Logto means it. Logto's document comes from zod: a literal is written as a <c>format</c> holding the JSON
    /// value (<c>"format": "\"Text\""</c>), a regular expression as a JavaScript literal (<c>"/^\d+$/"</c>), and a
    /// union, which takes what its first matching alternative takes, as <c>oneOf</c> (the contract tests rewrite those for a validator).
    /// </summary>
    Intended,

    /// <summary>
    /// As a JSON Schema validator such as Prism's reads it: formats it does not know are ignored, and a pattern is an
    /// ECMAScript regular expression taken as it is, so <c>"/^\d+$/"</c> wants a slash and matches nothing.
    /// </summary>
    JsonSchema,
}

/// <summary>
/// Minimal valid instances of the document's schemas, built from the schemas themselves: the required properties of
/// objects, one item for arrays, the first value of enums, literals, and strings that respect format, pattern,
/// minLength and maxLength; for a <c>oneOf</c>, the first alternative (or <c>null</c>, where allowed) that matches
/// exactly one alternative, both as Logto means the schema and as a JSON Schema validator reads it, when there is such
/// an instance. Also a small validator for the keywords Logto's document uses, to make those choices.
/// </summary>
internal sealed partial class SchemaInstances(JsonObject document)
{
    /// <summary>Strings tried, in order, against a <c>pattern</c> that the name-based value does not match.</summary>
    private static readonly string[] PatternCandidates =
    [
        "value1", "1", "12345", "abc", "a", "A", "#ffffff", "#fff", "2024-01-01", "ada@example.com", "a_b", "https://example.com",
    ];

    private const int MaxDepth = 24;

    /// <summary>The schema itself, or the one its <c>$ref</c> points to (followed until it is not a reference).</summary>
    public JsonObject Resolve(JsonNode schema)
    {
        var current = schema as JsonObject ?? throw new InvalidOperationException($"A schema must be an object: {schema.ToJsonString()}.");
        for (var hops = 0; current["$ref"] is JsonValue reference; hops++)
        {
            if (hops > 32)
            {
                throw new InvalidOperationException("Too many $ref hops at " + reference);
            }

            current = Pointer((string)reference!) as JsonObject
                ?? throw new InvalidOperationException($"The reference {reference} does not point to an object.");
        }

        return current;
    }

    /// <summary>The node at a local JSON pointer such as <c>#/components/schemas/User</c>.</summary>
    public JsonNode? Pointer(string pointer)
    {
        if (!pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Only local references are supported: {pointer}.");
        }

        JsonNode? node = document;
        foreach (var raw in pointer[2..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject o => o[token],
                JsonArray a => a[int.Parse(token, CultureInfo.InvariantCulture)],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>A minimal valid instance of <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema (or a reference to one).</param>
    /// <param name="hint">The name of the property or parameter the value is for; strings are made from it.</param>
    public JsonNode? Minimal(JsonNode schema, string hint) => Minimal(schema, hint, 0);

    private JsonNode? Minimal(JsonNode schemaNode, string hint, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The schema nests deeper than {MaxDepth} levels at '{hint}'.");
        }

        var schema = Resolve(schemaNode);
        if (schema["enum"] is JsonArray values)
        {
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        if (Literal(schema) is { } literal)
        {
            return literal;
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            return ChooseAlternative(schema, oneOf, hint, depth, exactlyOne: true);
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            return ChooseAlternative(schema, anyOf, hint, depth, exactlyOne: false);
        }

        if (schema["allOf"] is JsonArray allOf)
        {
            var merged = new JsonObject();
            foreach (var part in allOf)
            {
                if (Minimal(part!, hint, depth + 1) is JsonObject partInstance)
                {
                    foreach (var (name, value) in partInstance)
                    {
                        merged[name] = value?.DeepClone();
                    }
                }
            }

            return merged;
        }

        switch (TypeOf(schema))
        {
            case "string":
                return JsonValue.Create(MinimalString(schema, hint));
            case "integer":
            case "number":
                return MinimalNumber(schema);
            case "boolean":
                return JsonValue.Create(false);
            case "array":
            {
                var array = new JsonArray();
                var count = Math.Max(IntOf(schema, "minItems") ?? 0, 1);
                count = Math.Min(count, IntOf(schema, "maxItems") ?? count);
                for (var i = 0; i < count; i++)
                {
                    array.Add(schema["items"] is { } items ? Minimal(items, Singular(hint), depth + 1) : JsonValue.Create(hint + (i + 1)));
                }

                return array;
            }

            case "object":
            {
                var instance = new JsonObject();
                var properties = schema["properties"] as JsonObject;
                foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => (string)r!))
                {
                    var property = properties?[required];
                    instance[required] = property is null ? JsonValue.Create(required + "1") : Minimal(property, required, depth + 1);
                }

                return instance;
            }

            default:
                // No type: anything goes; a string is the plainest value.
                return JsonValue.Create(MinimalString(schema, hint));
        }
    }

    /// <summary>
    /// The first candidate (each alternative's instance, then <c>null</c> where allowed) valid both as Logto means the
    /// schema and as a validator reads it; failing that, the first valid as Logto means it; failing that, the first.
    /// </summary>
    private JsonNode? ChooseAlternative(JsonObject schema, JsonArray alternatives, string hint, int depth, bool exactlyOne)
    {
        var candidates = alternatives.Select(a => Minimal(a!, hint, depth + 1)).ToList();
        if (IsNullable(schema) || alternatives.Any(a => IsNullable(Resolve(a!))))
        {
            candidates.Add(null);
        }

        bool Valid(JsonNode? candidate, SchemaReading reading)
        {
            var matching = alternatives.Count(a => Matches(a!, candidate, reading));
            return exactlyOne && reading == SchemaReading.JsonSchema ? matching == 1 : matching >= 1;
        }

        // By index: null is a candidate too, so "no candidate found" cannot be null.
        var index = candidates.FindIndex(c => Valid(c, SchemaReading.Intended) && Valid(c, SchemaReading.JsonSchema));
        if (index < 0)
        {
            index = candidates.FindIndex(c => Valid(c, SchemaReading.Intended));
        }

        return candidates[Math.Max(index, 0)];
    }

    /// <summary>The only value a zod literal allows, written as its JSON in <c>format</c>: <c>"\"Text\""</c>, <c>"false"</c>.</summary>
    public static JsonNode? Literal(JsonObject schema)
    {
        if (StringOf(schema, "format") is not { Length: > 0 } format || TypeOf(schema) is not ("string" or "boolean" or "number" or "integer"))
        {
            return null;
        }

        var quoted = format.Length >= 2 && format[0] == '"' && format[^1] == '"';
        if (TypeOf(schema) == "string" ? !quoted : quoted)
        {
            return null;
        }

        try
        {
            var value = JsonNode.Parse(format);
            return value is JsonValue ? value : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool IsNullable(JsonObject schema) =>
        schema["nullable"] is JsonValue n && n.TryGetValue(out bool nullable) && nullable
        || schema["type"] is JsonArray types && types.Any(t => (string?)t == "null");

    /// <summary>A keyword's string value; <see langword="null"/> when absent or not a string (a property named like a keyword).</summary>
    public static string? StringOf(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static string TypeOf(JsonObject schema) => schema["type"] switch
    {
        JsonValue type => type.TryGetValue(out string? name) ? name : "",
        JsonArray types => types.Select(t => t is JsonValue v && v.TryGetValue(out string? name) ? name : "").FirstOrDefault(t => t != "null") ?? "null",
        null when schema["properties"] is not null || schema["required"] is not null || schema["additionalProperties"] is not null => "object",
        null when schema["items"] is not null => "array",
        _ => "",
    };

    private static string MinimalString(JsonObject schema, string hint)
    {
        var format = StringOf(schema, "format");
        var value = format switch
        {
            "email" => "ada@example.com",
            "url" or "uri" => "https://example.com/" + Slug(hint),
            "date-time" => "2024-01-02T03:04:05.000Z",
            "date" => "2024-01-02",
            "uuid" => "0b1e8d4e-6f3a-4c63-9a1e-2f4b5c6d7e8f",
            "empty" => "",
            // "regex" is zod's mark for a string checked by the schema's pattern, not a regular expression.
            _ => Slug(hint) + "1",
        };

        var minLength = IntOf(schema, "minLength") ?? 0;
        var maxLength = IntOf(schema, "maxLength") ?? int.MaxValue;
        if (value.Length < minLength)
        {
            value = value.PadRight(minLength, 'x');
        }

        if (value.Length > maxLength)
        {
            value = value[..maxLength];
        }

        if (StringOf(schema, "pattern") is { } pattern && !PatternMatches(pattern, value, SchemaReading.Intended))
        {
            value = PatternCandidates.FirstOrDefault(c => c.Length >= minLength && c.Length <= maxLength && PatternMatches(pattern, c, SchemaReading.Intended)) ?? value;
        }

        return value;
    }

    private static JsonNode MinimalNumber(JsonObject schema)
    {
        var integer = TypeOf(schema) == "integer";
        decimal value = 1;
        if (DecimalOf(schema, "minimum") is { } minimum)
        {
            value = minimum;
            if (schema["exclusiveMinimum"] is JsonValue exclusive && exclusive.TryGetValue(out bool isExclusive) && isExclusive)
            {
                value += 1;
            }
        }
        else if (DecimalOf(schema, "exclusiveMinimum") is { } exclusiveMinimum)
        {
            value = exclusiveMinimum + 1;
        }

        if (DecimalOf(schema, "maximum") is { } maximum && value > maximum)
        {
            value = maximum;
        }

        return integer || value == decimal.Truncate(value) ? JsonValue.Create((long)value) : JsonValue.Create(value);
    }

    /// <summary>Whether <paramref name="value"/> is valid against <paramref name="schemaNode"/> (the keywords Logto's document uses).</summary>
    public bool Matches(JsonNode schemaNode, JsonNode? value, SchemaReading reading) => Matches(schemaNode, value, reading, 0);

    private bool Matches(JsonNode schemaNode, JsonNode? value, SchemaReading reading, int depth)
    {
        if (depth > MaxDepth)
        {
            return true;
        }

        var schema = Resolve(schemaNode);
        if (value is null)
        {
            return IsNullable(schema) || (schema["enum"] as JsonArray)?.Any(v => v is null) == true;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
        {
            return false;
        }

        if (reading == SchemaReading.Intended && Literal(schema) is { } literal && !JsonNode.DeepEquals(literal, value))
        {
            return false;
        }

        if (schema["oneOf"] is JsonArray oneOf
            && (reading == SchemaReading.Intended ? !oneOf.Any(a => Matches(a!, value, reading, depth + 1)) : oneOf.Count(a => Matches(a!, value, reading, depth + 1)) != 1))
        {
            return false;
        }

        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(a => Matches(a!, value, reading, depth + 1)))
        {
            return false;
        }

        if (schema["allOf"] is JsonArray allOf && !allOf.All(a => Matches(a!, value, reading, depth + 1)))
        {
            return false;
        }

        var kind = value.GetValueKind();
        switch (schema["type"] is null ? "" : TypeOf(schema))
        {
            case "string":
                if (kind != System.Text.Json.JsonValueKind.String)
                {
                    return false;
                }

                var text = (string)value!;
                return text.Length >= (IntOf(schema, "minLength") ?? 0)
                    && text.Length <= (IntOf(schema, "maxLength") ?? int.MaxValue)
                    && (StringOf(schema, "pattern") is not { } pattern || PatternMatches(pattern, text, reading))
                    && FormatMatches(StringOf(schema, "format"), text);
            case "integer":
            case "number":
                if (kind != System.Text.Json.JsonValueKind.Number)
                {
                    return false;
                }

                var number = decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return (TypeOf(schema) != "integer" || number == decimal.Truncate(number))
                    && (DecimalOf(schema, "minimum") is not { } min || number >= min)
                    && (DecimalOf(schema, "maximum") is not { } max || number <= max);
            case "boolean":
                return kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
            case "array":
                return kind == System.Text.Json.JsonValueKind.Array
                    && value.AsArray().Count >= (IntOf(schema, "minItems") ?? 0)
                    && value.AsArray().Count <= (IntOf(schema, "maxItems") ?? int.MaxValue)
                    && (schema["items"] is not { } items || value.AsArray().All(item => Matches(items, item, reading, depth + 1)));
            case "object":
                if (kind != System.Text.Json.JsonValueKind.Object)
                {
                    return false;
                }

                var instance = value.AsObject();
                var properties = schema["properties"] as JsonObject;
                if ((schema["required"] as JsonArray ?? []).Any(r => !instance.ContainsKey((string)r!)))
                {
                    return false;
                }

                foreach (var (name, propertyValue) in instance)
                {
                    if (properties?[name] is { } property)
                    {
                        if (!Matches(property, propertyValue, reading, depth + 1))
                        {
                            return false;
                        }
                    }
                    else if (schema["additionalProperties"] is JsonValue additional && additional.TryGetValue(out bool allowed) && !allowed)
                    {
                        return false;
                    }
                    else if (schema["additionalProperties"] is JsonObject additionalSchema && !Matches(additionalSchema, propertyValue, reading, depth + 1))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// JSON Schema patterns are ECMAScript regular expressions, unanchored. As Logto means them, a JavaScript regular
    /// expression literal (<c>/^\d+$/i</c>) is the expression between the slashes, with its flags.
    /// </summary>
    private static bool PatternMatches(string pattern, string value, SchemaReading reading)
    {
        var options = RegexOptions.ECMAScript;
        if (reading == SchemaReading.Intended && RegexLiteralParts(pattern) is var (source, flags))
        {
            pattern = source;
            options |= flags.Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
        }

        try
        {
            return Regex.IsMatch(value, pattern, options, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            // .NET's ECMAScript mode lacks some constructs (\p{..}, lookbehind); such a pattern is not held against a value.
            return true;
        }
    }

    /// <summary>The formats both readings check, as Prism's validator (ajv-formats) does; others are not checked.</summary>
    private static bool FormatMatches(string? format, string value) => format switch
    {
        "url" or "uri" => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.Length > 0,
        "email" => value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1,
        "date-time" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) && value.Contains('T', StringComparison.OrdinalIgnoreCase),
        _ => true,
    };

    /// <summary>The source and flags of a pattern written as a JavaScript regular expression literal (<c>/source/flags</c>); null for another pattern.</summary>
    public static (string Source, string Flags)? RegexLiteralParts(string pattern) =>
        RegexLiteral().Match(pattern) is { Success: true } literal ? (literal.Groups["source"].Value, literal.Groups["flags"].Value) : null;

    [GeneratedRegex("^/(?<source>.+)/(?<flags>[dgimsuy]*)$", RegexOptions.Singleline)]
    private static partial Regex RegexLiteral();

    private static int? IntOf(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out decimal number) ? (int)number : null;

    private static decimal? DecimalOf(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue(out decimal number) ? number : null;

    /// <summary>Letters and digits of a name, for values that read well in logs: <c>userId</c> stays <c>userId</c>.</summary>
    private static string Slug(string hint)
    {
        var slug = new string(hint.Where(char.IsAsciiLetterOrDigit).ToArray());
        return slug.Length == 0 ? "value" : slug;
    }

    private static string Singular(string hint) => hint.EndsWith('s') && hint.Length > 1 ? hint[..^1] : hint;
}
