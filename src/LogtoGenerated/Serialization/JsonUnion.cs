using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Serialization;

/// <summary>What generated union converters share: choosing an alternative and reading it safely.</summary>
/// <remarks>Called only from the bodies of the generated converters, which live in this assembly.</remarks>
internal static class JsonUnion
{
    /// <summary>The string value of the discriminator property of a JSON object, or null.</summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="propertyName">The discriminator's wire name, e.g. <c>type</c>.</param>
    /// <returns>The discriminator value, or null when the value is not an object or has no such string property.</returns>
    public static string? Discriminator(JsonElement element, string propertyName) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(propertyName, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>
    /// How well a JSON object fits an object alternative: -1 when a required property is missing
    /// or a literal property has another value; otherwise the number of its properties present.
    /// </summary>
    /// <param name="element">The JSON value.</param>
    /// <param name="required">Wire names the alternative requires.</param>
    /// <param name="known">Every wire name the alternative describes.</param>
    /// <param name="literals">Properties whose value the alternative fixes.</param>
    /// <returns>The score; higher fits better.</returns>
    public static int Score(JsonElement element, ReadOnlySpan<string> required, ReadOnlySpan<string> known, ReadOnlySpan<KeyValuePair<string, string>> literals)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return -1;
        }

        foreach (var name in required)
        {
            if (!element.TryGetProperty(name, out _))
            {
                return -1;
            }
        }

        foreach (var literal in literals)
        {
            if (element.TryGetProperty(literal.Key, out var value)
                && (value.ValueKind != JsonValueKind.String || !value.ValueEquals(literal.Value)))
            {
                return -1;
            }
        }

        var score = 0;
        foreach (var name in known)
        {
            if (element.TryGetProperty(name, out _))
            {
                score++;
            }
        }

        return score;
    }

    /// <summary>Reads the element as one alternative; false (instead of an exception) when it does not fit.</summary>
    /// <typeparam name="T">The alternative's type.</typeparam>
    /// <param name="element">The JSON value.</param>
    /// <param name="typeInfo">The alternative's generated metadata.</param>
    /// <param name="value">The alternative, when it fits.</param>
    /// <returns>True when the element was read as <typeparamref name="T"/>.</returns>
    public static bool TryDeserialize<T>(JsonElement element, JsonTypeInfo<T> typeInfo, out T? value)
    {
        try
        {
            value = element.Deserialize(typeInfo);
            return value is not null;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }
}
