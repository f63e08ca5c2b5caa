using System.Text;
using System.Text.Json.Nodes;

namespace LogtoGenerated.ContractTests.Contract;

/// <summary>
/// Rewrites Logto's document so that a JSON Schema validator reads it as Logto means it. The document is written by
/// zod-to-openapi, which leaves three things a validator reads otherwise:
/// <list type="bullet">
/// <item>a literal is a <c>format</c> holding the JSON value (<c>"format": "\"Text\""</c>), which validators ignore as an
/// unknown format; it becomes <c>"enum": ["Text"]</c>, so that the value is checked and <c>oneOf</c> alternatives told apart;</item>
/// <item>a regular expression is a JavaScript literal (<c>"pattern": "/^\\d+$/"</c>), which as an ECMAScript pattern
/// wants a slash and matches nothing; it becomes the expression between the slashes (flag <c>i</c> spelled out);</item>
/// <item>a union is zod's <c>z.union</c>, which takes a value the first matching alternative takes; written as <c>oneOf</c>,
/// it also demands that no other alternative matches, which fails where alternatives overlap (<c>{"type": "Totp"}</c> is
/// also a <c>{"type": string}</c>); it becomes <c>anyOf</c>;</item>
/// <item>an object's <c>default</c> is what zod starts from before it fills in the properties' own defaults
/// (<c>"default": {}</c> for <c>{min, max}</c> with defaults 8 and 256); it becomes the filled-in object, which Prism then
/// answers with as a static example instead of an object lacking required properties.</item>
/// </list>
/// The contract test runs a second Prism on the rewritten copy, so that requests Prism cannot accept on the vendored
/// document (see <see cref="PrismDeviations"/>) are still checked, literals included, and their responses read.
/// </summary>
internal static class IntendedReading
{
    /// <summary>What the rewrite changed, for the report.</summary>
    /// <param name="Literals">Literal formats made enums.</param>
    /// <param name="Patterns">JavaScript regular expression literals made patterns.</param>
    /// <param name="Unions">oneOf made anyOf.</param>
    /// <param name="Defaults">Object defaults filled in.</param>
    internal sealed record Changes(int Literals, int Patterns, int Unions, int Defaults)
    {
        public override string ToString() =>
            $"{Literals} literal formats as enums, {Patterns} JavaScript regular expressions as patterns, {Unions} oneOf as anyOf, {Defaults} object defaults filled in";
    }

    /// <summary>A rewritten copy of <paramref name="document"/>.</summary>
    public static JsonObject Rewrite(JsonObject document, out Changes changes)
    {
        var copy = document.DeepClone().AsObject();
        int literals = 0, patterns = 0, unions = 0, defaults = 0;
        Visit(copy);
        changes = new Changes(literals, patterns, unions, defaults);
        return copy;

        void Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject schema:
                    if (SchemaInstances.Literal(schema) is { } literal && schema["enum"] is null)
                    {
                        schema.Remove("format");
                        schema["enum"] = new JsonArray(literal);
                        literals++;
                    }

                    if (SchemaInstances.StringOf(schema, "pattern") is { } pattern && SchemaInstances.RegexLiteralParts(pattern) is var (source, flags))
                    {
                        schema["pattern"] = flags.Contains('i', StringComparison.Ordinal) ? IgnoringCase(source) : source;
                        patterns++;
                    }

                    if (schema["oneOf"] is JsonArray alternatives && schema["anyOf"] is null)
                    {
                        schema.Remove("oneOf");
                        schema["anyOf"] = alternatives;
                        unions++;
                    }

                    if (schema["default"] is JsonObject value && schema["properties"] is JsonObject properties && Fill(value, properties))
                    {
                        defaults++;
                    }

                    foreach (var (_, child) in schema.ToList())
                    {
                        Visit(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Visit(item);
                    }

                    break;
            }
        }
    }

    /// <summary>Adds the defaults of properties missing from <paramref name="value"/>, as zod fills them in; true when any was added.</summary>
    private static bool Fill(JsonObject value, JsonObject properties)
    {
        var changed = false;
        foreach (var (name, property) in properties)
        {
            if (property is not JsonObject propertySchema || propertySchema["default"] is not { } propertyDefault)
            {
                continue;
            }

            if (!value.ContainsKey(name))
            {
                var filled = propertyDefault.DeepClone();
                if (filled is JsonObject nested && propertySchema["properties"] is JsonObject nestedProperties)
                {
                    Fill(nested, nestedProperties);
                }

                value[name] = filled;
                changed = true;
            }
        }

        return changed;
    }

    /// <summary>An ECMAScript pattern matching what <paramref name="source"/> matches with the <c>i</c> flag, for ASCII letters.</summary>
    internal static string IgnoringCase(string source)
    {
        var result = new StringBuilder();
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                result.Append(c).Append(source[++i]);
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                    result.Append(c);
                }
                else if (char.IsAsciiLetter(c) && i + 2 < source.Length && source[i + 1] == '-' && char.IsAsciiLetter(source[i + 2]))
                {
                    var end = source[i + 2];
                    result.Append(c).Append('-').Append(end).Append(SwapCase(c)).Append('-').Append(SwapCase(end));
                    i += 2;
                }
                else
                {
                    result.Append(c);
                    if (char.IsAsciiLetter(c))
                    {
                        result.Append(SwapCase(c));
                    }
                }

                continue;
            }

            if (c == '[')
            {
                inClass = true;
                result.Append(c);
            }
            else if (char.IsAsciiLetter(c))
            {
                result.Append('[').Append(c).Append(SwapCase(c)).Append(']');
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static char SwapCase(char c) => char.IsAsciiLetterUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c);
}
