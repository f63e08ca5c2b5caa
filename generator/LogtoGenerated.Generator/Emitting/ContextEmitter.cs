using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>
/// Emits the source-generated <c>JsonSerializerContext</c> covering every model, every body and response type and every
/// type their properties use, each under a name of ours, and the lookup of that metadata by the type's C# spelling
/// (src/LogtoGenerated/Serialization/LogtoJsonContext.Routing.cs uses it).
/// </summary>
internal sealed class ContextEmitter(GeneratorOptions options, TypeNames names)
{
    /// <summary>The lookup is split by the length of the spelling, so that a first call compiles and loads a few types only.</summary>
    private const int Buckets = 64;

    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    public string Emit(ApiModel model)
    {
        var entries = new Entries();
        AddApiTypes(model, entries);
        AddPropertyTypes(model, entries);

        var writer = new SourceWriter();
        writer.Line($"namespace {options.Namespace};").Line();
        writer.Doc("summary", "System.Text.Json metadata for every type of the Management API, generated at compile time: no reflection, trim- and AOT-safe.");
        writer.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var entry in entries.ByName)
        {
            writer.Line($"[global::System.Text.Json.Serialization.JsonSerializable(typeof({entry.TypeOf}), TypeInfoPropertyName = \"{entry.Name}\")]");
        }

        writer.Open($"public partial class {options.ContextName} : global::System.Text.Json.Serialization.JsonSerializerContext");
        EmitLookup(writer, entries);
        writer.Close();
        return SourceWriter.Header + writer;
    }

    /// <summary>Multipart bodies carry streams: they are written part by part, never as JSON.</summary>
    public static bool IsMultipart(ModelType type) =>
        type is ObjectType o && o.Properties.Any(p => p.Type.Type is PrimitiveRef { Kind: PrimitiveKind.File });

    /// <summary>Every type a request, a response or a union alternative is (de)serialized as.</summary>
    private void AddApiTypes(ApiModel model, Entries entries)
    {
        foreach (var type in model.Types.Where(t => !IsMultipart(t)))
        {
            AddNamedByApi(entries, new ModelRef(type));
            foreach (var alternative in (type as UnionType)?.Alternatives ?? [])
            {
                AddNamedByApi(entries, alternative.Type.Type);
            }
        }

        foreach (var operation in model.Operations())
        {
            if (operation.Body is { Encoding: BodyEncoding.Json } body)
            {
                AddNamedByApi(entries, body.Type.Type);
            }

            if (operation.Response is { Kind: ResponseKind.Json, Type: { } response })
            {
                if (response.Type is ListRef list)
                {
                    // A list as the read-only list the method returns.
                    entries.Add(TypeNames.ResponseInfoName(response), names.OfResponse(response), names.RuntimeReadOnlyListName(list));
                    AddUse(entries, list.Item);
                }
                else
                {
                    AddNamedByApi(entries, response.Type);
                }
            }
        }
    }

    /// <summary>The types the models' properties are declared with, and the types inside them, as the models spell them.</summary>
    private void AddPropertyTypes(ApiModel model, Entries entries)
    {
        foreach (var type in model.Types.OfType<ObjectType>().Where(t => !IsMultipart(t)))
        {
            foreach (var property in type.Properties)
            {
                // As the model declares it; a property that remembers whether it was set is nullable, and what is
                // serialized is its Presence member (ModelEmitter).
                var use = property.Type with { Nullable = property.CSharpNullable };
                if (property.TracksPresence)
                {
                    entries.Add(
                        "Presence" + ImplicitName(use),
                        $"{names.Serialization}.Presence<{names.Of(use)}>",
                        $"{names.Serialization}.Presence<{names.RuntimeName(use)}>");
                }

                AddUse(entries, use);
            }
        }

        // Every object keeps what the document does not describe (ModelEmitter's extension data).
        const string JsonElement = "global::System.Text.Json.JsonElement";
        entries.Add("IDictionaryStringJsonElement", $"global::System.Collections.Generic.IDictionary<string, {JsonElement}>", $"global::System.Collections.Generic.IDictionary<string, {JsonElement}>");
        entries.Add("JsonElement", JsonElement, JsonElement);
    }

    /// <summary>A model, body, response or union alternative, under the name the API gives it (<see cref="TypeNames.InfoName"/>).</summary>
    private void AddNamedByApi(Entries entries, TypeRef type) => AddUse(entries, new TypeUse(type, false), TypeNames.InfoName(type));

    /// <summary>
    /// A type use and the types inside it (list items, map values, the value of a nullable value type), under
    /// <paramref name="name"/> or else the name System.Text.Json would give it.
    /// </summary>
    private void AddUse(Entries entries, TypeUse use, string? name = null)
    {
        bool nullableValue = use.Nullable && TypeNames.IsValueType(use.Type);
        entries.Add(name ?? ImplicitName(use), names.Of(use.Type) + (nullableValue ? "?" : ""), names.RuntimeName(use));
        if (nullableValue)
        {
            AddUse(entries, use with { Nullable = false });
        }
        else if (use.Type is ListRef list)
        {
            AddUse(entries, list.Item);
        }
        else if (use.Type is MapRef map)
        {
            AddUse(entries, map.Value);
        }
    }

    /// <summary>
    /// The name System.Text.Json gives a type it finds inside another one (<c>IListRole</c>, <c>NullableBoolean</c>,
    /// <c>IDictionaryStringJsonElement</c>): declaring such a type keeps the context property it always had.
    /// </summary>
    private static string ImplicitName(TypeUse use) =>
        (use.Nullable && TypeNames.IsValueType(use.Type) ? "Nullable" : "") + use.Type switch
        {
            ListRef list => "IList" + ImplicitName(list.Item),
            MapRef map => "IDictionaryString" + ImplicitName(map.Value),
            _ => TypeNames.InfoName(use.Type),
        };

    /// <summary>
    /// <c>CreateByName</c>: from a type's C# spelling to the source generator's <c>Create_{Name}</c> method of its entry.
    /// </summary>
    private static void EmitLookup(SourceWriter writer, Entries entries)
    {
        var buckets = entries.ByName.GroupBy(e => e.Key.Length % Buckets).OrderBy(g => g.Key).ToList();
        writer.Doc("summary", "The metadata of the type spelled name (as LogtoJsonContext.RuntimeName spells it), made by the source generator's method for it; null for any other name.");
        writer.Line($"private {TypeInfo}? CreateByName(string name, {Options} options) => (name.Length % {Buckets}) switch");
        writer.Open("");
        foreach (var bucket in buckets)
        {
            writer.Line($"{bucket.Key} => CreateByName{bucket.Key}(name, options),");
        }

        writer.Line("_ => null,");
        writer.Close(";");
        foreach (var bucket in buckets)
        {
            writer.Line();
            writer.Line($"private {TypeInfo}? CreateByName{bucket.Key}(string name, {Options} options) => name switch");
            writer.Open("");
            foreach (var entry in bucket.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.Line($"\"{entry.Key}\" => Create_{entry.Name}(options),");
            }

            writer.Line("_ => null,");
            writer.Close(";");
        }
    }

    /// <summary>One type of the context: its property name, its spelling in <c>typeof</c>, and its runtime spelling.</summary>
    private sealed record Entry(string Name, string TypeOf, string Key);

    /// <summary>The context's types, one entry per runtime type (the first name given to it wins), names unique.</summary>
    private sealed class Entries
    {
        private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, Entry> _byName = new(StringComparer.Ordinal);

        public IEnumerable<Entry> ByName => _byName.Values;

        public void Add(string name, string typeOf, string key)
        {
            if (_byKey.ContainsKey(key))
            {
                return;
            }

            var entry = new Entry(name, typeOf, key);
            if (!_byName.TryAdd(name, entry))
            {
                throw new InvalidOperationException($"Two types of the JSON context would be named {name}: {_byName[name].Key} and {key}.");
            }

            _byKey.Add(key, entry);
        }
    }
}
