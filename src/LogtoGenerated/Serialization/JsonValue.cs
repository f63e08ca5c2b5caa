using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LogtoGenerated.Serialization;

/// <summary>
/// What the generated readers and writers (<c>UserJsonConverter</c> and the others, in Generated/Serialization) share:
/// reading and writing a value with its converter, the object's frame, the members the document does not describe,
/// and errors that say where in the JSON they happened.
/// </summary>
/// <remarks>
/// The generator writes one converter per model instead of System.Text.Json's generated metadata, which made most of
/// the library's image (docs/performance.md, "Cold start"). A value's reading is the converter of its type; a
/// property's is a case of its object's reader.
/// </remarks>
internal static class JsonValue
{
    /// <summary>Marks the constructor a reader creates a model with, before it has read the required properties.</summary>
    internal static JsonReading Reading => default;

    /// <summary>System.Text.Json's converter of strings, typed as the models declare their strings (null is read before it is asked).</summary>
    public static JsonConverter<string> String { get; } = NotNull(JsonMetadataServices.StringConverter);

    /// <summary>System.Text.Json's converter of <see cref="System.Text.Json.Nodes.JsonNode"/>, typed as the models declare them.</summary>
    public static JsonConverter<System.Text.Json.Nodes.JsonNode> Node { get; } = NotNull(JsonMetadataServices.JsonNodeConverter);

    /// <summary>System.Text.Json's converter of <see cref="System.Text.Json.Nodes.JsonObject"/>, typed as the models declare them.</summary>
    public static JsonConverter<System.Text.Json.Nodes.JsonObject> Object { get; } = NotNull(JsonMetadataServices.JsonObjectConverter);

    /// <summary>The metadata of <typeparamref name="T"/> for <paramref name="options"/>, read and written by <paramref name="converter"/>.</summary>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);

    /// <summary>
    /// Reads the value at the reader, whose token is its first: JSON <c>null</c> is <see langword="null"/> for a
    /// reference or nullable type; anything the converter cannot read is a <see cref="JsonException"/>.
    /// </summary>
    public static T? Read<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null && default(T) is null)
        {
            return default;
        }

        try
        {
            return converter.Read(ref reader, typeof(T), options);
        }
        catch (InvalidOperationException e)
        {
            // The reader refuses a token of another kind (a number where a string is expected).
            throw CannotConvert(typeof(T), e);
        }
        catch (FormatException e)
        {
            // The token's text is not of the type (a fraction where an integer is expected).
            throw CannotConvert(typeof(T), e);
        }
    }

    /// <summary>
    /// Reads a value of a reference type the model declares not nullable: JSON <c>null</c> is read as
    /// <see langword="null"/> (Logto's document is not always right about what may be null), unless the options
    /// respect nullable annotations (.NET 9 and later), as System.Text.Json's own metadata would.
    /// </summary>
    public static T ReadNotNull<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : class
    {
        T? value = Read(ref reader, converter, options);
#if NET9_0_OR_GREATER
        if (value is null && options.RespectNullableAnnotations)
        {
            throw new JsonException($"The value of type {typeof(T)} is null, which its declaration does not allow (RespectNullableAnnotations).");
        }
#endif
        return value!;
    }

    /// <summary>Reads a nullable value type: JSON <c>null</c> is <see langword="null"/>, anything else the value.</summary>
    public static T? ReadNullable<T>(ref Utf8JsonReader reader, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct =>
        reader.TokenType == JsonTokenType.Null ? null : Read(ref reader, converter, options);

    /// <summary>Writes a value with its converter, or JSON <c>null</c>.</summary>
    public static void Write<T>(Utf8JsonWriter writer, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            converter.Write(writer, value, options);
        }
    }

    /// <summary>Writes a nullable value type with the converter of its value, or JSON <c>null</c>.</summary>
    public static void WriteNullable<T>(Utf8JsonWriter writer, T? value, JsonConverter<T> converter, JsonSerializerOptions options)
        where T : struct
    {
        if (value is { } present)
        {
            converter.Write(writer, present, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Checks that an object starts at the reader; <see langword="false"/> when it is JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The value is neither an object nor <c>null</c>.</exception>
    public static bool StartObject(ref Utf8JsonReader reader, Type type)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        return reader.TokenType == JsonTokenType.Null ? false : throw CannotConvert(type);
    }

    /// <summary>Moves to the object's next property name; <see langword="false"/> at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Reads a property the document does not describe, at its name, into the object's extension data.</summary>
    public static IDictionary<string, JsonElement> Extra(ref Utf8JsonReader reader, IDictionary<string, JsonElement>? extra, JsonSerializerOptions options)
    {
        extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Entry(ref reader, extra, JsonMetadataServices.JsonElementConverter, options);
        return extra;
    }

    /// <summary>
    /// Reads the property at the reader (its name, then its value, with <paramref name="converter"/>) into
    /// <paramref name="map"/>; an error inside it names the property in its path.
    /// </summary>
    public static void Entry<T>(ref Utf8JsonReader reader, IDictionary<string, T> map, JsonConverter<T> converter, JsonSerializerOptions options)
    {
        string name = reader.GetString()!;
        try
        {
            reader.Read();
            map[name] = Read(ref reader, converter, options)!;
        }
        catch (JsonException e)
        {
            throw AtKey(e, name);
        }
    }

    /// <summary>Writes the properties the document does not describe, as they were read.</summary>
    public static void WriteExtra(Utf8JsonWriter writer, IDictionary<string, JsonElement>? extra)
    {
        if (extra is null)
        {
            return;
        }

        foreach (KeyValuePair<string, JsonElement> property in extra)
        {
            writer.WritePropertyName(property.Key);
            property.Value.WriteTo(writer);
        }
    }

    /// <summary>The error for required properties the JSON did not hold: those whose bit is not in <paramref name="seen"/>.</summary>
    public static JsonException MissingRequired(Type type, long seen, ReadOnlySpan<string> required)
    {
        var missing = new List<string>();
        for (int i = 0; i < required.Length; i++)
        {
            if ((seen & (1L << i)) == 0)
            {
                missing.Add("'" + required[i] + "'");
            }
        }

        return new JsonException(
            $"JSON deserialization for type '{type}' was missing required properties including: {string.Join(", ", missing)}.");
    }

    /// <summary>
    /// <paramref name="error"/>, raised while reading the property <paramref name="property"/> (<see langword="null"/>:
    /// the object itself), with the property's place put in front of its path.
    /// </summary>
    public static JsonException At(JsonException error, string? property) =>
        JsonPath.At(error, property is null ? "" : JsonPath.Member(property));

    /// <summary><see cref="At"/> for the item at <paramref name="index"/> of an array.</summary>
    public static JsonException AtIndex(JsonException error, int index) =>
        JsonPath.At(error, "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    /// <summary><see cref="At"/> for the value of the key <paramref name="key"/> of a map.</summary>
    public static JsonException AtKey(JsonException error, string key) => JsonPath.At(error, JsonPath.Member(key));

    /// <summary>A converter of a reference type as a list's or a map's nullable items declare it (the readers handle null).</summary>
    public static JsonConverter<T?> OrNull<T>(JsonConverter<T> converter)
        where T : class => (JsonConverter<T?>)(object)converter;

    // The readers handle JSON null before they ask a converter, so a converter declared for T? reads T.
    private static JsonConverter<T> NotNull<T>(JsonConverter<T?> converter)
        where T : class => (JsonConverter<T>)(object)converter;

    /// <summary>The error for a value that is not of <paramref name="type"/>, as System.Text.Json words it.</summary>
    internal static JsonException CannotConvert(Type type, Exception? inner = null) =>
        new($"The JSON value could not be converted to {type}.", inner);
}

/// <summary>The marker of a model's constructor for readers (<see cref="JsonValue.Reading"/>).</summary>
internal readonly struct JsonReading;

/// <summary>
/// The paths of the readers' errors, built as an error passes out through each object and array (System.Text.Json
/// knows no path inside a converter). A message ends as System.Text.Json's own do: <c>Path: $.profile.givenName.</c>,
/// followed by the line and byte position when the reader gave them (the reader does not say its line otherwise).
/// The path starts at the outermost generated reader: System.Text.Json leaves a path that is set as it is.
/// </summary>
internal static class JsonPath
{
    private const string PathMarker = " Path: $";

    /// <summary>The characters that make System.Text.Json write a property's segment of a path in brackets.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(".'/\" []()\t\n\r\f\b\\\u0085\u2028\u2029");

    /// <summary><paramref name="error"/> with <paramref name="segment"/> put in front of its path (<c>$</c> if it had none).</summary>
    internal static JsonException At(JsonException error, string segment)
    {
        string message = error.Message;
        string rest = "";
        Exception? cause = error;
        if (error.Path is { } path && message.LastIndexOf(PathMarker + path[1..], StringComparison.Ordinal) is >= 0 and var at)
        {
            // An error a reader inside this one already placed: only its path grows.
            message = message[..at];
            rest = path[1..];
            cause = error.InnerException;
        }
        else if (message.LastIndexOf(" LineNumber: ", StringComparison.Ordinal) is >= 0 and var position)
        {
            // The reader's own errors: their position is said again after the path.
            message = message[..position];
        }

        string full = "$" + segment + rest;
        string where = error.LineNumber is null
            ? $" Path: {full}."
            : $" Path: {full} | LineNumber: {error.LineNumber} | BytePositionInLine: {error.BytePositionInLine}.";
        return new JsonException(message + where, full, error.LineNumber, error.BytePositionInLine, cause);
    }

    /// <summary>
    /// A property's segment of a path as System.Text.Json writes it: <c>.name</c>, or <c>['odd name']</c> when the
    /// name holds a character that would make the path ambiguous.
    /// </summary>
    internal static string Member(string name) =>
        name.AsSpan().IndexOfAny(Special) >= 0 ? "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']" : "." + name;
}
