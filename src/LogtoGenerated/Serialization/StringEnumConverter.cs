using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LogtoGenerated.Serialization;

/// <summary>Reads and writes an <see cref="IStringEnum{TSelf}"/> as a JSON string, accepting any value.</summary>
/// <typeparam name="T">The enumeration type.</typeparam>
/// <remarks>
/// Used by the generated readers and writers, and named by the <c>[JsonConverter]</c> attribute of every generated
/// enumeration. Public because System.Text.Json source generation in an application's own
/// <c>JsonSerializerContext</c> that includes the models creates it; hidden from IntelliSense because callers of the
/// client never use it themselves.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class StringEnumConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        return T.FromString(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromString(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.Value);
    }
}
