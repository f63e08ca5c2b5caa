using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>Emits the source-generated <c>JsonSerializerContext</c> covering every model and every body and response type.</summary>
internal sealed class ContextEmitter(GeneratorOptions options, TypeNames names)
{
    public string Emit(ApiModel model)
    {
        // Name -> C# type, for every type a request, a response or a union alternative is (de)serialized as.
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in model.Types.Where(t => !IsMultipart(t)))
        {
            entries[type.Name] = names.Of(new ModelRef(type));
            foreach (var alternative in (type as UnionType)?.Alternatives ?? [])
            {
                entries[TypeNames.InfoName(alternative.Type.Type)] = names.Of(alternative.Type.Type);
            }
        }

        foreach (var operation in model.Operations())
        {
            if (operation.Body is { Encoding: BodyEncoding.Json } body)
            {
                entries[TypeNames.InfoName(body.Type.Type)] = names.Of(body.Type.Type);
            }

            if (operation.Response is { Kind: ResponseKind.Json, Type: { } response })
            {
                // A list as the read-only list the method returns; anything else as its plain (non-nullable) type.
                entries[TypeNames.ResponseInfoName(response)] = response.Type is ListRef ? names.OfResponse(response) : names.Of(response.Type);
            }
        }

        var writer = new SourceWriter();
        writer.Line($"namespace {options.Namespace};").Line();
        writer.Doc("summary", "System.Text.Json metadata for every type of the Management API, generated at compile time: no reflection, trim- and AOT-safe.");
        writer.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var (name, type) in entries)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}), TypeInfoPropertyName = \"{name}\")]");
        }

        writer.Line($"public partial class {options.ContextName} : global::System.Text.Json.Serialization.JsonSerializerContext");
        writer.Line("{");
        writer.Line("}");
        return SourceWriter.Header + writer;
    }

    /// <summary>Multipart bodies carry streams: they are written part by part, never as JSON.</summary>
    public static bool IsMultipart(ModelType type) =>
        type is ObjectType o && o.Properties.Any(p => p.Type.Type is PrimitiveRef { Kind: PrimitiveKind.File });
}
