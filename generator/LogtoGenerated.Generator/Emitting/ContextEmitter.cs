using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>
/// Emits the System.Text.Json metadata of every model, every body and response type and every type their properties
/// use, each under a name of ours: per resource folder, the readers and writers of its models
/// (<see cref="ConverterEmitter"/>) and the metadata made from them (<c>UsersJsonMetadata</c>, internal); the lookup
/// of that metadata by the type's C# spelling (src/LogtoGenerated/Serialization/JsonMetadata.cs uses it); and the
/// public <c>LogtoJsonContext</c> with a property per type, which finds its metadata the same way.
/// </summary>
/// <remarks>
/// Small classes per folder rather than one for the API: a process loads those of the types it reads and writes
/// (docs/performance.md, "Cold start").
/// </remarks>
internal sealed class ContextEmitter(GeneratorOptions options, TypeNames names)
{
    private readonly ConverterEmitter _converters = new(names);

    /// <summary>The lookup is split by the length of the spelling, so that a first call compiles and loads a few types only.</summary>
    private const int Buckets = 64;

    /// <summary>The metadata of the types that hold no model (strings, numbers, lists of them, JSON elements).</summary>
    private const string CommonShard = "Common";

    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
    private const string Options = "global::System.Text.Json.JsonSerializerOptions";

    /// <summary>The files: the public context, the lookup, and the metadata of each resource folder, by path.</summary>
    public IEnumerable<(string Path, string Source)> Emit(ApiSpec model)
    {
        var entries = new Entries();
        AddApiTypes(model, entries);
        AddPropertyTypes(model, entries);

        yield return ($"{options.ContextName}.cs", EmitPublicContext(entries));
        yield return ("Serialization/JsonMetadata.Lookup.cs", EmitLookup(entries));
        foreach (var shard in entries.ByName.GroupBy(e => e.Shard).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var models = model.Types.OfType<ObjectSpec>().Where(t => t.Folder == shard.Key && !IsMultipart(t)).OrderBy(t => t.Name, StringComparer.Ordinal);
            yield return ($"Serialization/{ShardClass(shard.Key)}.cs", EmitShard(shard.Key, shard.ToList(), models));
        }
    }

    private static string ShardClass(string shard) => shard + "JsonMetadata";

    /// <summary>The public context: a property per type, each made by the metadata of its folder.</summary>
    private string EmitPublicContext(Entries entries)
    {
        var writer = new SourceWriter();
        writer.Line($"namespace {options.Namespace};").Line();
        writer.Open($"public partial class {options.ContextName}");
        foreach (var entry in entries.ByName)
        {
            writer.Line($"private {TypeInfo}<{entry.TypeOf}>? _{entry.Name};");
        }

        foreach (var entry in entries.ByName)
        {
            writer.Line();
            writer.DocRaw($"<summary>The metadata of <c>{Identifiers.XmlEscape(entry.TypeOf.Replace("global::", "", StringComparison.Ordinal))}</c>, for this context's options.</summary>");
            writer.Line($"public {TypeInfo}<{entry.TypeOf}> {entry.Name} => _{entry.Name} ??= ({TypeInfo}<{entry.TypeOf}>)Options.GetTypeInfo(typeof({entry.TypeOf}));");
        }

        writer.Close();
        return SourceWriter.Header + writer;
    }

    /// <summary>One folder's metadata, made by type name, and the readers and writers of its models.</summary>
    private string EmitShard(string shard, IReadOnlyList<Entry> entries, IEnumerable<ObjectSpec> models)
    {
        var writer = new SourceWriter();
        writer.Line($"namespace {options.Namespace}.Serialization;").Line();
        writer.Doc("summary", $"System.Text.Json metadata of the {(shard == CommonShard ? "types that hold no model" : $"types of the {shard} folder")}, made from their converters: no reflection, trim- and AOT-safe.");
        writer.Open($"internal static class {ShardClass(shard)}");
        writer.Doc("summary", "The metadata of the type spelled name (as JsonMetadata.RuntimeName spells it), made with its converter; null for any other name.");
        WriteSwitch(
            writer,
            $"internal static {TypeInfo}? CreateByName(string name, {Options} options) => name switch",
            entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(entry => ($"\"{entry.Key}\"", $"{names.Serialization}.JsonValue.Info<{entry.TypeOf}>(options, {entry.Converter})")));
        writer.Close();
        foreach (var type in models)
        {
            writer.Line();
            _converters.Emit(writer, type);
        }

        return SourceWriter.Header + writer;
    }

    /// <summary>Multipart bodies carry streams: they are written part by part, never as JSON.</summary>
    public static bool IsMultipart(TypeSpec type) =>
        type is ObjectSpec o && o.Properties.Any(p => p.Type.Type is PrimitiveShape { Kind: PrimitiveKind.File });

    /// <summary>Every type a request, a response or a union alternative is (de)serialized as.</summary>
    private void AddApiTypes(ApiSpec model, Entries entries)
    {
        foreach (var type in model.Types.Where(t => !IsMultipart(t)))
        {
            AddNamedByApi(entries, new NamedShape(type));
            foreach (var alternative in (type as UnionSpec)?.Alternatives ?? [])
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
                if (response.Type is ListShape list)
                {
                    // A list as the read-only list the method returns.
                    entries.Add(
                        TypeNames.ResponseInfoName(response),
                        names.OfResponse(response),
                        names.RuntimeReadOnlyListName(list),
                        ShardOf(list),
                        _converters.ReadOnlyListConverter(list));
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
    private void AddPropertyTypes(ApiSpec model, Entries entries)
    {
        foreach (var type in model.Types.OfType<ObjectSpec>().Where(t => !IsMultipart(t)))
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
                        $"{names.Serialization}.Presence<{names.RuntimeName(use)}>",
                        ShardOf(use.Type),
                        $"new {names.Serialization}.PresenceConverter<{names.Of(use)}>()");

                    // The public context has always described a bool beside Presence (its IsSet), which it keeps.
                    AddUse(entries, new ValueSpec(new PrimitiveShape(PrimitiveKind.Boolean), false));
                }

                AddUse(entries, use);
            }
        }

        // Every object keeps what the document does not describe (ModelEmitter's extension data).
        const string JsonElement = "global::System.Text.Json.JsonElement";
        entries.Add(
            "IDictionaryStringJsonElement",
            $"global::System.Collections.Generic.IDictionary<string, {JsonElement}>",
            $"global::System.Collections.Generic.IDictionary<string, {JsonElement}>",
            CommonShard,
            $"new {names.Serialization}.MapConverter<{JsonElement}>({ConverterEmitter.ElementConverter})");
        entries.Add("JsonElement", JsonElement, JsonElement, CommonShard, ConverterEmitter.ElementConverter);
    }

    /// <summary>A model, body, response or union alternative, under the name the API gives it (<see cref="TypeNames.InfoName"/>).</summary>
    private void AddNamedByApi(Entries entries, ShapeSpec type) => AddUse(entries, new ValueSpec(type, false), TypeNames.InfoName(type));

    /// <summary>
    /// A type use and the types inside it (list items, map values, the value of a nullable value type), under
    /// <paramref name="name"/> or else the name System.Text.Json would give it.
    /// </summary>
    private void AddUse(Entries entries, ValueSpec use, string? name = null)
    {
        bool nullableValue = use.Nullable && TypeNames.IsValueType(use.Type);
        entries.Add(name ?? ImplicitName(use), names.Of(use.Type) + (nullableValue ? "?" : ""), names.RuntimeName(use), ShardOf(use.Type), _converters.Converter(use with { Nullable = nullableValue }));
        if (nullableValue)
        {
            AddUse(entries, use with { Nullable = false });
        }
        else if (use.Type is ListShape list)
        {
            AddUse(entries, list.Item);
        }
        else if (use.Type is MapShape map)
        {
            AddUse(entries, map.Value);
        }
    }

    /// <summary>The class a type's metadata is in: that of the folder of the model it holds, if any.</summary>
    private static string ShardOf(ShapeSpec type) => type switch
    {
        NamedShape model => model.Type.Folder,
        ListShape list => ShardOf(list.Item.Type),
        MapShape map => ShardOf(map.Value.Type),
        _ => CommonShard,
    };

    /// <summary>
    /// The name System.Text.Json gives a type it finds inside another one (<c>IListRole</c>, <c>NullableBoolean</c>,
    /// <c>IDictionaryStringJsonElement</c>): declaring such a type keeps the context property it always had.
    /// </summary>
    private static string ImplicitName(ValueSpec use) =>
        (use.Nullable && TypeNames.IsValueType(use.Type) ? "Nullable" : "") + use.Type switch
        {
            ListShape list => "IList" + ImplicitName(list.Item),
            MapShape map => "IDictionaryString" + ImplicitName(map.Value),
            _ => TypeNames.InfoName(use.Type),
        };

    /// <summary>
    /// <c>JsonMetadata.CreateByName</c>: from a type's C# spelling to the metadata of its folder, which makes it from
    /// the type's converter.
    /// </summary>
    private string EmitLookup(Entries entries)
    {
        var writer = new SourceWriter();
        writer.Line($"namespace {options.Namespace}.Serialization;").Line();
        writer.Open("internal static partial class JsonMetadata");
        var buckets = entries.ByName.GroupBy(e => e.Key.Length % Buckets).OrderBy(g => g.Key).ToList();
        writer.Doc("summary", "The metadata of the type spelled name (as RuntimeName spells it), made by the metadata of its folder; null for any other name.");
        WriteSwitch(
            writer,
            $"private static {TypeInfo}? CreateByName(string name, {Options} options) => (name.Length % {Buckets}) switch",
            buckets.Select(bucket => ($"{bucket.Key}", $"CreateByName{bucket.Key}(name, options)")));
        foreach (var bucket in buckets)
        {
            writer.Line();
            WriteSwitch(
                writer,
                $"private static {TypeInfo}? CreateByName{bucket.Key}(string name, {Options} options) => name switch",
                bucket.OrderBy(e => e.Key, StringComparer.Ordinal).Select(entry => ($"\"{entry.Key}\"", $"{ShardClass(entry.Shard)}.CreateByName(name, options)")));
        }

        writer.Close();
        return SourceWriter.Header + writer;
    }

    /// <summary>An expression-bodied method that is one switch: <paramref name="head"/>, an arm per label, and null for anything else.</summary>
    private static void WriteSwitch(SourceWriter writer, string head, IEnumerable<(string Label, string Result)> arms)
    {
        writer.Line(head);
        writer.Open("");
        foreach (var (label, result) in arms)
        {
            writer.Line($"{label} => {result},");
        }

        writer.Line("_ => null,");
        writer.Close(";");
    }

    /// <summary>One type of the metadata: its property name, its spelling in <c>typeof</c>, its runtime spelling, its folder's class, and its converter.</summary>
    private sealed record Entry(string Name, string TypeOf, string Key, string Shard, string Converter);

    /// <summary>The context's types, one entry per runtime type (the first name given to it wins), names unique.</summary>
    private sealed class Entries
    {
        private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, Entry> _byName = new(StringComparer.Ordinal);

        public IEnumerable<Entry> ByName => _byName.Values;

        public void Add(string name, string typeOf, string key, string shard, string converter)
        {
            if (_byKey.ContainsKey(key))
            {
                return;
            }

            var entry = new Entry(name, typeOf, key, shard, converter);
            if (!_byName.TryAdd(name, entry))
            {
                throw new InvalidOperationException($"Two types of the JSON context would be named {name}: {_byName[name].Key} and {key}.");
            }

            _byKey.Add(key, entry);
        }
    }
}
