using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Serialization;

/// <summary>
/// The value of an optional, nullable property of a model sent in PATCH bodies, and whether it was set.
/// <c>default</c> is "not set": the property is left out of the JSON. A set value is written even when it
/// is <see langword="null"/>, so that Logto clears the field instead of keeping it.
/// </summary>
/// <remarks>
/// Used by generated code: a generated model keeps one of these behind each such property, in an internal
/// member that the model's generated writer writes only when it is set (and which is marked
/// <c>[JsonIgnore(Condition = WhenWritingDefault)]</c> and <see cref="PresenceConverter{T}"/> for other serializers).
/// The model's public property reads and writes <see cref="Value"/>; assigning it, or reading it from JSON, sets it.
/// (Public only because <c>LogtoJsonContext</c> describes every type its models use, in public properties; hidden
/// from IntelliSense because no caller of the client needs it.)
/// </remarks>
/// <typeparam name="T">The property's type (nullable).</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Presence<T> : IEquatable<Presence<T>>
{
    /// <summary>A set value.</summary>
    /// <param name="value">The value, <see langword="null"/> included.</param>
    public Presence(T value)
    {
        Value = value;
        IsSet = true;
    }

    /// <summary>The value; <c>default</c> when not set.</summary>
    public T Value { get; }

    /// <summary>True when the value was assigned or read from JSON, even as <see langword="null"/>.</summary>
    public bool IsSet { get; }

    /// <summary>Two presences are equal when both are unset, or both are set to equal values.</summary>
    /// <param name="other">The other presence.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(Presence<T> other) =>
        IsSet == other.IsSet && (!IsSet || EqualityComparer<T>.Default.Equals(Value, other.Value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Presence<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => IsSet ? HashCode.Combine(true, Value) : 0;
}

/// <summary>
/// Reads and writes a <see cref="Presence{T}"/> as its value, with the <see cref="JsonTypeInfo{T}"/> of
/// <typeparamref name="T"/> that the serializer's options provide (<c>LogtoJsonContext</c>'s): no reflection.
/// Reading a property, <c>null</c> included, makes it set; whether an unset one is written at all is decided by
/// <c>JsonIgnoreCondition.WhenWritingDefault</c> on the property.
/// </summary>
/// <typeparam name="T">The property's type (nullable).</typeparam>
/// <remarks>
/// Named by <c>[JsonConverter]</c> attributes on the generated models' internal members, and the converter of
/// <c>LogtoJsonContext</c>'s <c>Presence</c> properties; the generated writers write the value themselves.
/// </remarks>
internal sealed class PresenceConverter<T> : JsonConverter<Presence<T>>
{
    private JsonTypeInfo<T>? _typeInfo;

    /// <summary>JSON <c>null</c> is a value to read (a set property holding <see langword="null"/>).</summary>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    public override Presence<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonSerializer.Deserialize(ref reader, TypeInfo(options))!);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Presence<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Value, TypeInfo(options));

    /// <summary>
    /// The metadata of <typeparamref name="T"/>, kept after the first use; the check keeps it right should the
    /// converter be shared between options.
    /// </summary>
    private JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options)
    {
        var typeInfo = _typeInfo;
        if (typeInfo is null || !ReferenceEquals(typeInfo.Options, options))
        {
            _typeInfo = typeInfo = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }

        return typeInfo;
    }
}
