using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Emitting;

// The JsonConverter nested in each union, which reads and writes it without reflection; the rest of the class is in ModelEmitter.cs.
internal sealed partial class ModelEmitter
{
    private int _read;

    /// <summary>The union's nested <c>JsonConverter</c>: its <c>Read</c> and <c>Write</c>.</summary>
    private void EmitUnionConverter(SourceWriter writer, UnionSpec type)
    {
        var name = type.Name;
        _read = 0;
        writer.DocRaw($"<summary>Reads and writes <see cref=\"{name}\"/> without reflection.</summary>");
        // Public because System.Text.Json source generation in an application's own context that includes the model
        // creates it (named by the model's [JsonConverter]); hidden from IntelliSense because callers never use it.
        writer.DocRaw("<remarks>Used by System.Text.Json through the type's <c>[JsonConverter]</c> attribute, not by callers.</remarks>");
        writer.Line("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.Open($"public sealed class JsonConverter : {JsonSerialization}.JsonConverter<{name}>");
        EmitUnionRead(writer, type);
        EmitUnionWrite(writer, type);
        writer.Close();
    }

    /// <summary><c>Read</c>: null, then the object alternatives, then the others by JSON kind, else the raw JSON.</summary>
    private void EmitUnionRead(SourceWriter writer, UnionSpec type)
    {
        writer.DocRaw("<inheritdoc/>");
        writer.Open($"public override {type.Name}? Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
        writer.Line($"var element = {Json}.JsonElement.ParseValue(ref reader);");
        writer.Line($"if (element.ValueKind == {Json}.JsonValueKind.Null)");
        writer.Open("");
        writer.Line("return null;");
        writer.Close().Line();

        // Objects: by discriminator, else by the best structural match; other kinds by JSON kind.
        var objects = type.Alternatives.Where(a => a.Type.Type is NamedShape { Type: ObjectSpec }).ToList();
        if (type.Discriminator is not null)
        {
            WriteDiscriminatorSwitch(writer, type.Discriminator, objects);
        }
        else if (objects.Count > 0)
        {
            WriteBestMatchSwitch(writer, objects);
        }

        foreach (var alternative in type.Alternatives.Where(a => a.Type.Type is not NamedShape { Type: ObjectSpec }))
        {
            writer.Line($"if ({KindCheck(alternative.Type.Type)})");
            writer.Open("");
            writer.Line($"return {Deserialize(alternative)};");
            writer.Close();
        }

        writer.Line().Line("return FromUnknown(element);");
        writer.Close().Line();
    }

    /// <summary>Reads an object alternative by the value of the discriminator property.</summary>
    private void WriteDiscriminatorSwitch(SourceWriter writer, string discriminator, List<AlternativeSpec> objects)
    {
        writer.Line($"switch ({names.Serialization}.JsonUnion.Discriminator(element, {Identifiers.Literal(discriminator)}))");
        writer.Open("");
        foreach (var alternative in objects)
        {
            writer.Line($"case {Identifiers.Literal(alternative.DiscriminatorValue!)}:");
            writer.Line($"    return {Deserialize(alternative)};");
        }

        writer.Close();
    }

    /// <summary>Reads the object alternative whose required, known and literal properties match the element best.</summary>
    private void WriteBestMatchSwitch(SourceWriter writer, List<AlternativeSpec> objects)
    {
        writer.Line("var best = -1;");
        writer.Line("var bestScore = -1;");
        for (var i = 0; i < objects.Count; i++)
        {
            var shape = (ObjectSpec)((NamedShape)objects[i].Type.Type).Type;
            var required = string.Join(", ", shape.Properties.Where(p => p.Required && p.Literal is null).Select(p => Identifiers.Literal(p.WireName)));
            var known = string.Join(", ", shape.Properties.Select(p => Identifiers.Literal(p.WireName)));
            var literals = string.Join(", ", shape.Properties.Where(p => p.Literal is not null).Select(p => $"new({Identifiers.Literal(p.WireName)}, {Identifiers.Literal(p.Literal!)})"));
            writer.Line($"var score{i} = {names.Serialization}.JsonUnion.Score(element, [{required}], [{known}], [{literals}]);");
            writer.Line($"if (score{i} > bestScore) {{ best = {i}; bestScore = score{i}; }}");
        }

        writer.Open("switch (best)");
        for (var i = 0; i < objects.Count; i++)
        {
            writer.Line($"case {i}:");
            writer.Line($"    return {Deserialize(objects[i])};");
        }

        writer.Close();
    }

    /// <summary><c>Write</c>: serializes the alternative held, or writes the raw JSON back unchanged.</summary>
    private void EmitUnionWrite(SourceWriter writer, UnionSpec type)
    {
        writer.DocRaw("<inheritdoc/>");
        writer.Open($"public override void Write({Json}.Utf8JsonWriter writer, {type.Name} value, {Json}.JsonSerializerOptions options)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
        writer.Open("switch (value._value)");
        foreach (var alternative in type.Alternatives)
        {
            writer.Line($"case {names.Of(alternative.Type.Type)} typed:");
            writer.Line($"    {Json}.JsonSerializer.Serialize(writer, typed, {names.Info(alternative.Type.Type)});");
            writer.Line("    break;");
        }

        writer.Line($"case {Json}.JsonElement raw:");
        writer.Line("    raw.WriteTo(writer);");
        writer.Line("    break;");
        writer.Close();
        writer.Close();
    }

    /// <summary>An expression that reads the element as the alternative, or keeps it raw when it does not fit.</summary>
    private string Deserialize(AlternativeSpec alternative)
    {
        var variable = "value" + (_read++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{names.Serialization}.JsonUnion.TryDeserialize(element, {names.Info(alternative.Type.Type)}, out var {variable}) ? new(({names.Of(alternative.Type.Type)}){variable}!) : FromUnknown(element)";
    }

    private static string KindCheck(ShapeSpec type)
    {
        const string Kind = "element.ValueKind == global::System.Text.Json.JsonValueKind.";
        return type switch
        {
            PrimitiveShape { Kind: PrimitiveKind.String or PrimitiveKind.DateTimeOffset } or NamedShape { Type: EnumSpec } => Kind + "String",
            PrimitiveShape { Kind: PrimitiveKind.Int32 or PrimitiveKind.Int64 or PrimitiveKind.Double or PrimitiveKind.EpochMilliseconds } => Kind + "Number",
            PrimitiveShape { Kind: PrimitiveKind.Boolean } => $"{Kind}True || {Kind}False",
            ListShape => Kind + "Array",
            PrimitiveShape { Kind: PrimitiveKind.JsonObject } or MapShape or NamedShape => Kind + "Object",
            _ => "true",
        };
    }
}
