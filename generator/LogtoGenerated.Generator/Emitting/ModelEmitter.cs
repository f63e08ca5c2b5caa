using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>Emits one file per model type: classes for objects, extensible string enums, and unions.</summary>
internal sealed partial class ModelEmitter(GeneratorOptions options, TypeNames names)
{
    private const string Json = "global::System.Text.Json";
    private const string JsonSerialization = "global::System.Text.Json.Serialization";

    public string Emit(TypeSpec type)
    {
        var writer = new SourceWriter();
        writer.Line($"namespace {options.ModelsNamespace};").Line();
        switch (type)
        {
            case ObjectSpec o:
                EmitObject(writer, o);
                break;
            case EnumSpec e:
                EmitEnum(writer, e);
                break;
            case UnionSpec u:
                EmitUnion(writer, u);
                break;
        }

        return SourceWriter.Header + writer;
    }

    private static string Summary(TypeSpec type, string fallback) => type.Description ?? fallback;

    private void EmitObject(SourceWriter writer, ObjectSpec type)
    {
        writer.Doc("summary", Summary(type, $"The {type.Name} object of Logto's Management API."));
        if (type.Properties.Any(p => p.TracksPresence))
        {
            writer.DocRaw("<remarks>");
            writer.DocRaw("Used in update (PATCH) bodies: each optional property that may be null is sent only when it was set, so that");
            writer.DocRaw("<see langword=\"null\"/> (sent as JSON <c>null</c>, which clears the value) differs from not set (left out, which keeps it).");
            writer.DocRaw("Assigning a property, <see langword=\"null\"/> included, sets it, and so does reading it from JSON: an object read");
            writer.DocRaw("and sent back is written as it was read. Other properties are left out when they are <see langword=\"null\"/>.");
            writer.DocRaw("</remarks>");
        }

        writer.Open($"public partial class {type.Name}");
        if (type.Properties.Any(p => p.MustSet))
        {
            // Its reader creates it before it has read the required properties, then checks that it read them all.
            writer.Doc("summary", $"Creates an empty {type.Name}; set its required properties.");
            writer.Line($"public {type.Name}()");
            writer.Open("").Close().Line();
            writer.Line("// For its JSON reader, which fails when the JSON lacks a required property.");
            writer.Line("#pragma warning disable CS8618");
            writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            writer.Line($"internal {type.Name}({names.Serialization}.JsonReading reading)");
            writer.Open("").Close();
            writer.Line("#pragma warning restore CS8618").Line();
        }

        foreach (var property in type.Properties)
        {
            EmitProperty(writer, property);
            writer.Line();
        }

        writer.Doc("summary", "Properties the API document does not describe; kept so that they are not lost and are sent back when this object is serialized.");
        writer.Line($"[{JsonSerialization}.JsonExtensionData]");
        writer.Line($"public global::System.Collections.Generic.IDictionary<string, {Json}.JsonElement>? {ObjectSpec.ExtensionDataName} {{ get; set; }}");
        writer.Close();
    }

    private void EmitProperty(SourceWriter writer, PropertySpec property)
    {
        var description = property.Description ?? $"The <c>{property.WireName}</c> property.";
        if (property.Literal is not null)
        {
            description += $"\nAlways <c>{property.Literal}</c>.";
        }

        if (property.Deprecated)
        {
            description += "\nDeprecated by Logto.";
        }

        writer.DocRaw("<summary>");
        foreach (var line in description.Split('\n'))
        {
            var text = line.StartsWith("Always <c>", StringComparison.Ordinal) || line.StartsWith("The <c>", StringComparison.Ordinal)
                ? line.TrimEnd()
                : Identifiers.XmlEscape(line.TrimEnd());
            writer.Line("/// " + text);
        }

        writer.DocRaw("</summary>");
        if (property.TracksPresence)
        {
            EmitTrackedProperty(writer, property);
            return;
        }

        writer.Line($"[{JsonSerialization}.JsonPropertyName({Identifiers.Literal(property.WireName)})]");

        // A required property is always written, even when it holds null; others are left out when null.
        var nullable = property.CSharpNullable;
        if (property.Required)
        {
            writer.Line($"[{JsonSerialization}.JsonIgnore(Condition = {JsonSerialization}.JsonIgnoreCondition.Never)]");
        }

        if (property.Type.Type is PrimitiveShape { Kind: PrimitiveKind.EpochMilliseconds })
        {
            // A timestamp Logto writes as a number of milliseconds, not as the ISO 8601 string DateTimeOffset defaults to.
            var converter = nullable ? "NullableEpochMillisecondsConverter" : "EpochMillisecondsConverter";
            writer.Line($"[{JsonSerialization}.JsonConverter(typeof({names.Serialization}.{converter}))]");
        }

        var type = names.Of(property.Type with { Nullable = nullable });
        if (property.IsPreset)
        {
            writer.Line($"public {type} {property.Name} {{ get; set; }} = {Identifiers.Literal(property.Literal)};");
        }
        else if (property.MustSet)
        {
            writer.Line($"public required {type} {property.Name} {{ get; set; }}");
        }
        else
        {
            writer.Line($"public {type} {property.Name} {{ get; set; }}");
        }
    }

    /// <summary>
    /// A property that remembers whether it was set: the public property reads and writes the value; an internal
    /// <c>Presence</c> member, which is what is serialized, holds it with its "set" bit and is left out while unset.
    /// </summary>
    private void EmitTrackedProperty(SourceWriter writer, PropertySpec property)
    {
        var type = names.Of(property.Type with { Nullable = true });
        var presence = $"{names.Serialization}.Presence<{type}>";
        writer.DocRaw("<remarks>");
        writer.DocRaw("Sent only when set. Set it to <see langword=\"null\"/> to clear it: JSON <c>null</c> is sent. Leave it unset to keep the");
        writer.DocRaw("current value: it is left out. Assigning any value, <see langword=\"null\"/> included, or reading it from JSON sets it.");
        writer.DocRaw("</remarks>");
        writer.Line($"[{JsonSerialization}.JsonIgnore]");
        writer.Open($"public {type} {property.Name}");
        writer.Line($"get => {property.PresenceName}.Value;");
        writer.Line($"set => {property.PresenceName} = new(value);");
        writer.Close().Line();
        writer.Line($"// {property.Name} and whether it was set: written only when set, null included.");
        writer.Line($"[{JsonSerialization}.JsonPropertyName({Identifiers.Literal(property.WireName)})]");
        writer.Line($"[{JsonSerialization}.JsonInclude]");
        writer.Line($"[{JsonSerialization}.JsonIgnore(Condition = {JsonSerialization}.JsonIgnoreCondition.WhenWritingDefault)]");
        var converter = property.Type.Type is PrimitiveShape { Kind: PrimitiveKind.EpochMilliseconds }
            ? $"{names.Serialization}.EpochMillisecondsPresenceConverter"
            : $"{names.Serialization}.PresenceConverter<{type}>";
        writer.Line($"[{JsonSerialization}.JsonConverter(typeof({converter}))]");
        writer.Line($"internal {presence} {property.PresenceName} {{ get; set; }}");
    }

    private void EmitEnum(SourceWriter writer, EnumSpec type)
    {
        var name = type.Name;
        var members = type.Members;

        writer.Doc("summary", Summary(type, $"The values Logto uses for {name}."));
        writer.DocRaw("<remarks>");
        writer.DocRaw($"Known values: {string.Join(", ", type.Values.Select(v => "<c>" + Identifiers.XmlEscape(v) + "</c>"))}.");
        writer.DocRaw("Values Logto adds later are kept as they are (see <see cref=\"IsKnown\"/>), so they round-trip instead of failing.");
        writer.DocRaw("</remarks>");
        writer.Line($"[{JsonSerialization}.JsonConverter(typeof(global::{options.Namespace}.Serialization.StringEnumConverter<{name}>))]");
        writer.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>, global::{options.Namespace}.Serialization.IStringEnum<{name}>");
        writer.Line("private readonly string? _value;").Line();
        writer.Doc("summary", "Creates a value, known or not.");
        writer.Doc("param", "The value as it appears on the wire.", " name=\"value\"");
        writer.Doc("exception", "value is null.", " cref=\"global::System.ArgumentNullException\"");
        writer.Open($"public {name}(string value)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Line("_value = value;");
        writer.Close().Line();
        foreach (var (value, member) in members)
        {
            writer.DocRaw($"<summary><c>{Identifiers.XmlEscape(value)}</c></summary>");
            writer.Line($"public static {name} {member} {{ get; }} = new({Identifiers.Literal(value)});").Line();
        }

        writer.Doc("summary", "The values this version of the client knows, in the order of Logto's document.");
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = [{string.Join(", ", members.Select(m => m.Name))}];").Line();
        writer.Doc("summary", "The value as it appears on the wire.");
        writer.Line("public string Value => _value ?? string.Empty;").Line();
        writer.Doc("summary", "True when the value is one this version of the client knows.");
        writer.Line($"public bool IsKnown => _value is {string.Join(" or ", members.Select(m => Identifiers.Literal(m.Value)))};").Line();
        writer.Doc("summary", "Creates a value from its wire form.");
        writer.Doc("param", "The value as it appears on the wire.", " name=\"value\"");
        writer.Doc("returns", "The value.");
        writer.Line($"public static {name} FromString(string value) => new(value);").Line();
        writer.Doc("summary", "Converts a wire value.");
        writer.Doc("param", "The value as it appears on the wire.", " name=\"value\"");
        writer.Line($"public static implicit operator {name}(string value) => new(value);").Line();
        writer.Doc("summary", "Compares two values by their wire form (ordinal).");
        writer.Doc("param", "The first value.", " name=\"left\"");
        writer.Doc("param", "The second value.", " name=\"right\"");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);").Line();
        writer.Doc("summary", "Compares two values by their wire form (ordinal).");
        writer.Doc("param", "The first value.", " name=\"left\"");
        writer.Doc("param", "The second value.", " name=\"right\"");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);").Line();
        writer.DocRaw("<inheritdoc/>");
        writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);").Line();
        writer.DocRaw("<inheritdoc/>");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);").Line();
        writer.DocRaw("<inheritdoc/>");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);").Line();
        writer.Doc("summary", "The value as it appears on the wire.");
        writer.Doc("returns", "The wire value.");
        writer.Line("public override string ToString() => Value;");
        writer.Close();
    }

    private void EmitUnion(SourceWriter writer, UnionSpec type)
    {
        var name = type.Name;
        writer.Doc("summary", Summary(type, $"One of several shapes Logto's document allows here."));
        writer.DocRaw("<remarks>");
        writer.DocRaw($"Holds exactly one of: {string.Join(", ", type.Alternatives.Select(a => $"<see cref=\"{a.Name}\"/>"))}.");
        if (type.Discriminator is not null)
        {
            writer.DocRaw($"The <c>{Identifiers.XmlEscape(type.Discriminator)}</c> property tells them apart.");
        }

        writer.DocRaw("A value matching none of them (say, a shape Logto adds later) is kept as raw JSON in <see cref=\"Value\"/> and written back unchanged.");
        writer.DocRaw("</remarks>");
        writer.Line($"[{JsonSerialization}.JsonConverter(typeof({name}.JsonConverter))]");
        writer.Open($"public sealed partial class {name}");
        writer.Line("private readonly object _value;").Line();
        writer.Line($"private {name}(object value) => _value = value;").Line();
        foreach (var alternative in type.Alternatives)
        {
            var csharp = names.Of(alternative.Type);
            writer.Doc("summary", $"Creates the union holding its {alternative.Name} alternative.");
            writer.Doc("param", "The alternative.", " name=\"value\"");
            writer.Line($"public {name}({csharp} value)");
            writer.Line($"    : this((object)value ?? throw new global::System.ArgumentNullException(nameof(value)))");
            writer.Open("");
            writer.Close().Line();
            if (alternative.Type.Type is not (ListShape or MapShape or PrimitiveShape { Kind: PrimitiveKind.Json or PrimitiveKind.JsonObject }))
            {
                writer.Doc("summary", $"Wraps the {alternative.Name} alternative.");
                writer.Doc("param", "The alternative.", " name=\"value\"");
                writer.Line($"public static implicit operator {name}({csharp} value) => new(value);").Line();
            }

            writer.Doc("summary", $"The {alternative.Name} alternative, or null when the union holds another one.");
            var accessor = TypeNames.IsValueType(alternative.Type.Type)
                ? $"_value is {csharp} value ? value : null"
                : $"_value as {csharp}";
            writer.Line($"public {csharp}? {alternative.Name} => {accessor};").Line();
        }

        writer.DocRaw($"<summary>The alternative held: one of the typed alternatives, or a <see cref=\"{Json}.JsonElement\"/> for a shape this client does not know.</summary>");
        writer.Line("public object Value => _value;").Line();
        writer.Doc("summary", "True when the JSON matched none of the alternatives the document describes.");
        writer.Line($"public bool IsUnknown => _value is {Json}.JsonElement;").Line();
        writer.Doc("summary", "Wraps JSON that matches none of the known alternatives.");
        writer.Doc("param", "The JSON value.", " name=\"json\"");
        writer.Doc("returns", "The union holding the raw JSON.");
        writer.Line($"public static {name} FromUnknown({Json}.JsonElement json) => new(json.Clone());").Line();
        EmitUnionConverter(writer, type);
        writer.Close();
    }
}
