using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>
/// Emits each object model's JSON reader and writer (<c>UserJsonConverter</c>): one <c>JsonConverter</c> per model,
/// a case per property, instead of System.Text.Json's generated metadata (docs/performance.md, "Cold start"), and
/// says which converter reads and writes any other type use.
/// </summary>
/// <remarks>
/// What the reader keeps from the metadata it replaces: required members (<c>required</c>) must be present; JSON
/// <c>null</c> is read as null; the properties the document does not describe go to <c>AdditionalData</c> and are
/// written back; reading a property that tracks presence sets it; timestamps in epoch milliseconds; an error says
/// where it happened (<c>$.profile.givenName</c>). The writer leaves out null optional properties, writes null
/// required ones, and writes a tracked property exactly when it is set. The runtime half is
/// src/LogtoGenerated/Serialization/JsonValue.cs.
/// </remarks>
internal sealed class ConverterEmitter(TypeNames names)
{
    private const string Json = "global::System.Text.Json";
    private const string Services = "global::System.Text.Json.Serialization.Metadata.JsonMetadataServices";

    private string Value => names.Serialization + ".JsonValue";

    /// <summary>The name of an object model's converter class, in the serialization namespace.</summary>
    public static string ClassName(ObjectSpec type) => type.Name + "JsonConverter";

    /// <summary>An expression for the converter of a type use, as a list item, a map value or a root type declares it.</summary>
    public string Converter(ValueSpec use) =>
        !use.Nullable ? Converter(use.Type)
        : TypeNames.IsValueType(use.Type) ? $"new {names.Serialization}.NullableConverter<{names.Of(use.Type)}>({Converter(use.Type)})"
        : $"{Value}.OrNull({Converter(use.Type)})";

    /// <summary>An expression for the converter of a (non-null) type: System.Text.Json's own for its built-in types.</summary>
    public string Converter(ShapeSpec type) => type switch
    {
        PrimitiveShape p => p.Kind switch
        {
            PrimitiveKind.String => $"{Value}.String",
            PrimitiveKind.Int32 => $"{Services}.Int32Converter",
            PrimitiveKind.Int64 => $"{Services}.Int64Converter",
            PrimitiveKind.Double => $"{Services}.DoubleConverter",
            PrimitiveKind.Boolean => $"{Services}.BooleanConverter",
            // Outside a property (a root type, a list item), a timestamp is the runtime type's ISO 8601 string.
            PrimitiveKind.DateTimeOffset or PrimitiveKind.EpochMilliseconds => $"{Services}.DateTimeOffsetConverter",
            PrimitiveKind.Json => $"{Value}.Node",
            PrimitiveKind.JsonObject => $"{Value}.Object",
            _ => throw new InvalidOperationException($"A {p.Kind} is not read or written as JSON."),
        },
        NamedShape { Type: ObjectSpec o } => $"{names.Serialization}.{ClassName(o)}.Instance",
        NamedShape { Type: EnumSpec } named => $"new {names.Serialization}.StringEnumConverter<{names.Of(named)}>()",
        NamedShape { Type: UnionSpec } named => $"new {names.Of(named)}.JsonConverter()",
        ListShape list => $"new {names.Serialization}.ListConverter<{names.Of(list.Item)}>({Converter(list.Item)})",
        MapShape map => $"new {names.Serialization}.MapConverter<{names.Of(map.Value)}>({Converter(map.Value)})",
        _ => throw new InvalidOperationException("Unknown type reference " + type),
    };

    /// <summary>An expression for the converter of the read-only list a list response is read as.</summary>
    public string ReadOnlyListConverter(ListShape list) =>
        $"new {names.Serialization}.ReadOnlyListConverter<{names.Of(list.Item)}>({Converter(list.Item)})";

    /// <summary>System.Text.Json's converter of <c>JsonElement</c>, the values of the models' extension data.</summary>
    public static string ElementConverter => $"{Services}.JsonElementConverter";

    /// <summary>The converter class of an object model: its <c>Read</c> and its <c>Write</c>.</summary>
    public void Emit(SourceWriter writer, ObjectSpec type)
    {
        var model = names.Of(new NamedShape(type));
        var properties = type.Properties.Select((p, i) => new Member(p, i, PropertyConverter(p))).ToList();
        writer.DocRaw($"<summary>Reads and writes <see cref=\"{model}\"/>: a case per property, no reflection.</summary>");
        writer.Open($"internal sealed class {ClassName(type)} : {Json}.Serialization.JsonConverter<{model}>");
        writer.Doc("summary", "The one instance, which the other readers and the metadata use.");
        writer.Line($"public static readonly {ClassName(type)} Instance = new();");
        foreach (var member in properties.Where(m => m.Field is not null))
        {
            writer.Line($"private static readonly {Json}.Serialization.JsonConverter<{names.Of(member.Property.Type.Type)}> {member.Field} = {member.Converter};");
        }

        writer.Line();
        EmitRead(writer, type, model, properties);
        writer.Line();
        EmitWrite(writer, model, properties);
        writer.Close();
    }

    private void EmitRead(SourceWriter writer, ObjectSpec type, string model, List<Member> properties)
    {
        var required = properties.Where(m => m.Property.MustSet).ToList();
        if (required.Count > 63)
        {
            throw new InvalidOperationException($"{type.Name} has {required.Count} required properties; the reader tracks at most 63.");
        }

        writer.DocRaw("<inheritdoc/>");
        writer.Open($"public override {model}? Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
        writer.Line($"if (!{Value}.StartObject(ref reader, typeof({model})))");
        writer.Open("").Line("return null;").Close().Line();
        writer.Line($"var result = new {model}({(required.Count > 0 ? Value + ".Reading" : "")});");
        if (required.Count > 0)
        {
            writer.Line("long seen = 0;");
        }

        writer.Line("string? property = null;");
        writer.Open("try");
        writer.Open($"while ({Value}.NextProperty(ref reader))");
        var first = true;
        foreach (var member in properties)
        {
            var property = member.Property;
            writer.Open($"{(first ? "" : "else ")}if (reader.ValueTextEquals({Identifiers.Literal(property.WireName)}u8))");
            writer.Line($"property = {Identifiers.Literal(property.WireName)};");
            writer.Line("reader.Read();");
            writer.Line($"result.{property.Name} = {ReadExpression(member)};");
            var bit = required.IndexOf(member);
            if (bit >= 0)
            {
                writer.Line($"seen |= {1L << bit}L;");
            }

            writer.Close();
            first = false;
        }

        writer.Open(first ? "" : "else");
        writer.Line("property = null;");
        writer.Line($"result.{ObjectSpec.ExtensionDataName} = {Value}.Extra(ref reader, result.{ObjectSpec.ExtensionDataName}, options);");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Open($"catch ({Json}.JsonException e)");
        writer.Line($"throw {Value}.At(e, property);");
        writer.Close();
        if (required.Count > 0)
        {
            writer.Line();
            writer.Line($"if (seen != {(1L << required.Count) - 1}L)");
            writer.Open("");
            writer.Line($"throw {Value}.MissingRequired(typeof({model}), seen, [{string.Join(", ", required.Select(m => Identifiers.Literal(m.Property.WireName)))}]);");
            writer.Close();
        }

        writer.Line().Line("return result;");
        writer.Close();
    }

    private void EmitWrite(SourceWriter writer, string model, List<Member> properties)
    {
        writer.DocRaw("<inheritdoc/>");
        writer.Open($"public override void Write({Json}.Utf8JsonWriter writer, {model} value, {Json}.JsonSerializerOptions options)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("writer.WriteStartObject();");
        foreach (var member in properties)
        {
            EmitWriteProperty(writer, member);
        }

        writer.Line($"{Value}.WriteExtra(writer, value.{ObjectSpec.ExtensionDataName});");
        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }

    /// <summary>
    /// One property: a tracked one when it is set (null included), a value type always, anything else when it is not
    /// null, or as JSON <c>null</c> when the document requires it.
    /// </summary>
    private void EmitWriteProperty(SourceWriter writer, Member member)
    {
        var property = member.Property;
        var name = Identifiers.Literal(property.WireName) + "u8";
        var converter = member.Reference;
        if (property.TracksPresence)
        {
            var write = TypeNames.IsValueType(property.Type.Type) ? "WriteNullable" : "Write";
            writer.Open($"if (value.{property.PresenceName}.IsSet)");
            writer.Line($"writer.WritePropertyName({name});");
            writer.Line($"{Value}.{write}(writer, value.{property.PresenceName}.Value, {converter}, options);");
            writer.Close();
        }
        else if (!property.CSharpNullable && TypeNames.IsValueType(property.Type.Type))
        {
            writer.Line($"writer.WritePropertyName({name});");
            writer.Line($"{converter}.Write(writer, value.{property.Name}, options);");
        }
        else
        {
            var local = "p" + member.Index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            writer.Open($"if (value.{property.Name} is {{ }} {local})");
            writer.Line($"writer.WritePropertyName({name});");
            writer.Line($"{converter}.Write(writer, {local}, options);");
            writer.Close();
            if (property.Required)
            {
                writer.Open("else");
                writer.Line($"writer.WriteNull({name});");
                writer.Close();
            }
        }
    }

    /// <summary>The value of a property, read with its converter: nullable value types through <c>ReadNullable</c>.</summary>
    private string ReadExpression(Member member)
    {
        var property = member.Property;
        var converter = member.Reference;
        var nullable = property.CSharpNullable || property.TracksPresence;
        if (TypeNames.IsValueType(property.Type.Type))
        {
            return nullable
                ? $"{Value}.ReadNullable(ref reader, {converter}, options)"
                : $"{Value}.Read(ref reader, {converter}, options)";
        }

        return $"{Value}.{(nullable ? "Read" : "ReadNotNull")}(ref reader, {converter}, options)";
    }

    /// <summary>The converter of a property's (non-null) value: epoch-millisecond timestamps have their own.</summary>
    private string PropertyConverter(PropertySpec property) =>
        property.Type.Type is PrimitiveShape { Kind: PrimitiveKind.EpochMilliseconds }
            ? $"{names.Serialization}.EpochMillisecondsConverter.Instance"
            : Converter(property.Type.Type);

    /// <summary>A property, its place, and the static field holding its converter when the converter is made for it.</summary>
    private sealed record Member(PropertySpec Property, int Index, string Converter)
    {
        public string? Field => Converter.StartsWith("new ", StringComparison.Ordinal) ? "ConverterOf" + Property.Name : null;

        /// <summary>How the reader and the writer name the converter: its field, or the expression of a shared one.</summary>
        public string Reference => Field ?? Converter;
    }
}
