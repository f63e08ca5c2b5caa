using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// What decides type names besides the document: the committed record of the names given so far and the
/// human-curated overrides. Both are files next to the document (<see cref="RecordFileName"/>,
/// <see cref="OverridesFileName"/>); either may be missing.
/// </summary>
/// <param name="Record">The names of the previous generation and the uses each was given for.</param>
/// <param name="Overrides">Names chosen by a person for the type with a given use, which win over every rule.</param>
/// <param name="OverridesPath">Where the overrides came from, for error messages.</param>
internal sealed record NamingInputs(NamesRecord Record, IReadOnlyDictionary<string, string> Overrides, string OverridesPath = "overrides.json")
{
    /// <summary>The record of generated type names, next to the document.</summary>
    public const string RecordFileName = "names.lock.json";

    /// <summary>The human-curated name overrides, next to the document.</summary>
    public const string OverridesFileName = "overrides.json";

    /// <summary>
    /// Whether an override for a use no type has fails the run (true: when generating, a stale override must be seen) or
    /// is passed over (when naming an older or a changed document for comparison).
    /// </summary>
    public bool RequireAllOverrides { get; init; } = true;

    /// <summary>No record and no overrides: names come from the rules alone.</summary>
    public static NamingInputs None { get; } = new(NamesRecord.Empty, new Dictionary<string, string>());

    /// <summary>Reads the record and the overrides from <paramref name="folder"/>; a missing file is an empty one.</summary>
    public static NamingInputs FromFolder(string folder) =>
        new(NamesRecord.Read(Path.Combine(folder, RecordFileName)), ReadOverrides(Path.Combine(folder, OverridesFileName)), Path.Combine(folder, OverridesFileName));

    /// <summary>
    /// Reads <c>{"types": {"&lt;use&gt;": "&lt;Name&gt;"}}</c>: the type used as <c>&lt;use&gt;</c> (as <c>names</c> lists
    /// uses) is named <c>&lt;Name&gt;</c>. Other top-level properties (<c>$comment</c>) are ignored.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadOverrides(string path)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return overrides;
        }

        var root = ParseObject(path);
        if (root["types"] is null)
        {
            return overrides;
        }

        if (root["types"] is not JsonObject types)
        {
            throw new GeneratorException(path + "#/types", "must be an object mapping a use (as 'names' lists them) to a type name.");
        }

        foreach (var (use, value) in types)
        {
            var pointer = path + "#/types/" + GeneratorException.Escape(use);
            if (value is not JsonValue v || !v.TryGetValue(out string? name) || !IsTypeName(name))
            {
                throw new GeneratorException(pointer, "must be a C# type name: a letter, then letters and digits (like \"RoleType\").");
            }

            overrides.Add(use, name);
        }

        return overrides;
    }

    /// <summary>A PascalCase C# identifier without separators.</summary>
    public static bool IsTypeName(string name) =>
        name.Length > 0 && char.IsAsciiLetterUpper(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    internal static JsonObject ParseObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new GeneratorException(path, "must hold a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new GeneratorException(path, $"is not valid JSON: {exception.Message}");
        }
    }
}

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
    public static NamesRecord Of(IEnumerable<ModelType> types)
    {
        var names = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            names.Add(type.Name, new SortedSet<string>(type.Candidates.Select(c => c.UseKey), StringComparer.Ordinal));
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

        var root = NamingInputs.ParseObject(path);
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
