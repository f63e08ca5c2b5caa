// Prints what an assembly's image is made of: its sections, metadata heaps and tables, and the share of methods,
// fields and IL bodies that belong to its JSON serialization classes (any class whose outermost declaring class name
// ends in "JsonContext", "JsonMetadata" or "JsonConverter": System.Text.Json source-generated contexts, or the
// generated converters and the metadata made from them), with the lambdas among those methods and their IL by kind.
//   dotnet run --project benchmarks/ImageAnatomy -- src/LogtoGenerated/bin/Release/net10.0/LogtoGenerated.dll
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

if (args is not [var path] || !File.Exists(path))
{
    Console.Error.WriteLine("usage: ImageAnatomy <path of an assembly>");
    return 2;
}

using var stream = File.OpenRead(path);
using var image = new PEReader(stream);
var metadata = image.GetMetadataReader();
var headers = image.PEHeaders;
var precompiled = headers.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
Console.WriteLine($"{Path.GetFileName(path)}: {stream.Length:N0} bytes, metadata {headers.MetadataSize:N0} bytes, {(precompiled ? "ReadyToRun" : "IL only")}");
foreach (var section in headers.SectionHeaders)
{
    Console.WriteLine($"  section {section.Name,-8} {section.SizeOfRawData,12:N0} bytes");
}

foreach (var heap in new[] { HeapIndex.String, HeapIndex.Blob, HeapIndex.UserString })
{
    Console.WriteLine($"  heap #{heap,-10} {metadata.GetHeapSize(heap),12:N0} bytes");
}

var tables = Enum.GetValues<TableIndex>().Select(t => (Table: t, Rows: metadata.GetTableRowCount(t), Bytes: metadata.GetTableRowCount(t) * metadata.GetTableRowSize(t)));
foreach (var (table, rows, bytes) in tables.Where(t => t.Bytes >= 10_000).OrderByDescending(t => t.Bytes))
{
    Console.WriteLine($"  table {table,-16} {rows,8:N0} rows {bytes,10:N0} bytes");
}

long methods = 0, fields = 0, il = 0, contextMethods = 0, contextLambdas = 0, contextFields = 0, contextIl = 0;
var kinds = new SortedDictionary<string, (int Methods, long Il)>(StringComparer.Ordinal);
foreach (var handle in metadata.TypeDefinitions)
{
    var type = metadata.GetTypeDefinition(handle);
    var outermost = type;
    while (!outermost.GetDeclaringType().IsNil)
    {
        outermost = metadata.GetTypeDefinition(outermost.GetDeclaringType());
    }

    var outerName = metadata.GetString(outermost.Name);
    var inContext = new[] { "JsonContext", "JsonMetadata", "JsonConverter" }.Any(suffix => outerName.EndsWith(suffix, StringComparison.Ordinal));
    var typeFields = type.GetFields().Count;
    fields += typeFields;
    contextFields += inContext ? typeFields : 0;
    foreach (var methodHandle in type.GetMethods())
    {
        var method = metadata.GetMethodDefinition(methodHandle);
        var size = method.RelativeVirtualAddress == 0 ? 0 : image.GetMethodBody(method.RelativeVirtualAddress).Size;
        methods++;
        il += size;
        if (inContext)
        {
            contextMethods++;
            contextIl += size;
            var name = metadata.GetString(method.Name);
            contextLambdas += name.StartsWith('<') ? 1 : 0;
            var kind = KindOf(name);
            kinds[kind] = (kinds.GetValueOrDefault(kind).Methods + 1, kinds.GetValueOrDefault(kind).Il + size);
        }
    }
}

Console.WriteLine($"  methods {methods:N0}, of which in JSON classes {contextMethods:N0} ({contextLambdas:N0} lambdas)");
Console.WriteLine($"  fields {fields:N0}, of which in JSON classes {contextFields:N0}");
Console.WriteLine($"  IL bodies {il:N0} bytes, of which in JSON classes {contextIl:N0} ({100.0 * contextIl / Math.Max(il, 1):F0}%)");
foreach (var (kind, (count, size)) in kinds.OrderByDescending(k => k.Value.Il))
{
    Console.WriteLine($"    {kind,-36} {count,7:N0} methods {size,10:N0} bytes of IL");
}

return 0;

// What a method of a JSON class is, by the names System.Text.Json's generator or this library's generator give them.
static string KindOf(string name) =>
    name == "Read" ? "Read (generated readers)"
    : name == "Write" ? "Write (generated writers)"
    : name == "CreateByName" ? "CreateByName (metadata by type name)"
    : name == ".cctor" ? "static constructors (converter instances)"
    :
    name.StartsWith('<') ? (name.Contains("PropInit", StringComparison.Ordinal) ? "lambdas of the PropInit methods" : "other lambdas")
    : name.Contains("PropInit", StringComparison.Ordinal) ? "PropInit (property descriptions)"
    : name.EndsWith("SerializeHandler", StringComparison.Ordinal) ? "fast-path serialize handlers"
    : name.StartsWith("Create_", StringComparison.Ordinal) ? "Create_ (type descriptions)"
    : name.StartsWith("get_", StringComparison.Ordinal) ? "property getters"
    : "other";
