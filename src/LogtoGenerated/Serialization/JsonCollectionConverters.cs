using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogtoGenerated.Serialization;

/// <summary>Reads and writes <c>IList&lt;T&gt;</c> (read as a <see cref="List{T}"/>) with the converter of its items.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ListConverter<T>(JsonConverter<T> item) : JsonConverter<IList<T>>
{
    /// <inheritdoc/>
    public override IList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonLists.Read(ref reader, item, typeToConvert, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IList<T> value, JsonSerializerOptions options) =>
        JsonLists.Write(writer, value, item, options);
}

/// <summary>Reads and writes <c>IReadOnlyList&lt;T&gt;</c> (a list response; read as a <see cref="List{T}"/>).</summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ReadOnlyListConverter<T>(JsonConverter<T> item) : JsonConverter<IReadOnlyList<T>>
{
    /// <inheritdoc/>
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonLists.Read(ref reader, item, typeToConvert, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options) =>
        JsonLists.Write(writer, value, item, options);
}

/// <summary>Reads and writes <c>IDictionary&lt;string, T&gt;</c> (read as a <see cref="Dictionary{TKey, TValue}"/>) with the converter of its values.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class MapConverter<T>(JsonConverter<T> value) : JsonConverter<IDictionary<string, T>>
{
    /// <inheritdoc/>
    public override IDictionary<string, T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!JsonValue.StartObject(ref reader, typeToConvert))
        {
            return null;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (JsonValue.NextProperty(ref reader))
        {
            JsonValue.Entry(ref reader, map, value, options);
        }

        return map;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IDictionary<string, T> map, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> entry in map)
        {
            writer.WritePropertyName(entry.Key);
            JsonValue.Write(writer, entry.Value, value, options);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Reads and writes a nullable value type with the converter of the value: JSON <c>null</c> is <see langword="null"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class NullableConverter<T>(JsonConverter<T> value) : JsonConverter<T?>
    where T : struct
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonValue.ReadNullable(ref reader, value, options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T? nullable, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonValue.WriteNullable(writer, nullable, value, options);
    }
}

/// <summary>What the list converters share: an array read item by item, with the index in the path of an error.</summary>
internal static class JsonLists
{
    public static List<T>? Read<T>(ref Utf8JsonReader reader, JsonConverter<T> item, Type type, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonValue.CannotConvert(type);
        }

        var list = new List<T>();
        while (true)
        {
            try
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    return list;
                }

                list.Add(JsonValue.Read(ref reader, item, options)!);
            }
            catch (JsonException e)
            {
                throw JsonValue.AtIndex(e, list.Count);
            }
        }
    }

    public static void Write<T>(Utf8JsonWriter writer, IEnumerable<T> list, JsonConverter<T> item, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(list);
        writer.WriteStartArray();
        foreach (T value in list)
        {
            JsonValue.Write(writer, value, item, options);
        }

        writer.WriteEndArray();
    }
}
