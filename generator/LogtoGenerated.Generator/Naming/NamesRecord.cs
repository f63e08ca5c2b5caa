using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// The committed record of the generated model types' names (<c>openapi/names.lock.json</c>): each name with every use
/// of its type. Read back on the next generation, it lets a type keep its name while any of the uses it had is still
/// there, whatever the order of the document, the operations added or removed elsewhere, or the properties the
/// type gains or loses.
/// </summary>
internal sealed class NamesRecord
{
    private NamesRecord(SortedDictionary<string, SortedSet<string>> names) => Names = names;

    /// <summary>No names recorded yet.</summary>
    public static NamesRecord Empty { get; } = new(new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal));

    /// <summary>Each recorded name with the uses of its type, both in ordinal order.</summary>
    public SortedDictionary<string, SortedSet<string>> Names { get; }

    /// <summary>The record of the names given to <paramref name="types"/>.</summary>
    public static NamesRecord Of(IEnumerable<TypeSpec> types)
    {
        var names = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            names.Add(type.Name, new SortedSet<string>(type.Uses, StringComparer.Ordinal));
        }

        return new NamesRecord(names);
    }

    private static readonly JsonSerializerOptions QuoteOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a record written by <see cref="ToJson"/>; a missing file is an empty record.</summary>
    public static NamesRecord Read(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        var root = GeneratorInputs.ParseObject(path);
        if (root["types"] is not JsonObject types)
        {
            throw new GeneratorException(path + "#/types", "is missing: the record maps each type name to its uses. Delete the file to start a new record.");
        }

        var names = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (name, uses) in types)
        {
            if (uses is not JsonArray array || array.Any(u => u is not JsonValue v || !v.TryGetValue(out string? _)))
            {
                throw new GeneratorException(path + "#/types/" + GeneratorException.Escape(name), "must be an array of uses (strings).");
            }

            names.Add(name, new SortedSet<string>(array.Select(u => u!.GetValue<string>()), StringComparer.Ordinal));
        }

        return new NamesRecord(names);
    }

    /// <summary>The record as the committed file holds it: sorted, indented, LF line endings, a final newline.</summary>
    public string ToJson()
    {
        var builder = new StringBuilder();
        builder.Append("{\n  \"$comment\": \"Written by the generator: every generated model type's name and the uses of its type. ")
            .Append("A type keeps its name while it still has one of these uses. Commit it with the generated code; see README, 'Type names'.\",\n")
            .Append("  \"types\": {");
        var first = true;
        foreach (var (name, uses) in Names)
        {
            builder.Append(first ? "\n" : ",\n").Append("    ").Append(Quote(name)).Append(": [");
            builder.Append(string.Join(", ", uses.Select(Quote)));
            builder.Append(']');
            first = false;
        }

        builder.Append("\n  }\n}\n");
        return builder.ToString();

        static string Quote(string text) => JsonValue.Create(text).ToJsonString(QuoteOptions);
    }

    /// <summary>What changed from this record to <paramref name="next"/>: names added, renamed (same uses, new name) and dropped.</summary>
    public NamingChanges ChangesTo(NamesRecord next)
    {
        var added = next.Names.Keys.Where(n => !Names.ContainsKey(n)).ToList();
        var removed = Names.Keys.Where(n => !next.Names.ContainsKey(n)).ToList();
        var renamed = new List<(string Old, string New)>();
        foreach (var oldName in removed.ToList())
        {
            var successor = added
                .Select(n => (Name: n, Shared: next.Names[n].Count(Names[oldName].Contains)))
                .Where(x => x.Shared > 0)
                .OrderByDescending(x => x.Shared).ThenBy(x => x.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (successor.Name is not null)
            {
                renamed.Add((oldName, successor.Name));
                removed.Remove(oldName);
                added.Remove(successor.Name);
            }
        }

        return new NamingChanges(added, renamed, removed);
    }
}

/// <summary>How the names of one generation differ from the record it started from.</summary>
internal sealed record NamingChanges(IReadOnlyList<string> Added, IReadOnlyList<(string Old, string New)> Renamed, IReadOnlyList<string> Dropped)
{
    /// <summary>One line per change, for the generator's output; nothing when nothing changed.</summary>
    public IEnumerable<string> Lines() =>
        Added.Select(n => $"named {n}")
            .Concat(Renamed.Select(r => $"renamed {r.Old} -> {r.New}"))
            .Concat(Dropped.Select(n => $"dropped {n} (no use left)"));
}
