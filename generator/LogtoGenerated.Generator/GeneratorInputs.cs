using System.Text.Json;
using System.Text.Json.Nodes;

using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator;

/// <summary>
/// What decides the generated code besides the document: the committed record of the type names given so far, the
/// human-curated overrides and the corrections of the document's errors. All are files next to the document
/// (<see cref="RecordFileName"/>, <see cref="OverridesFileName"/>, <see cref="DocumentCorrections.FileName"/>); any may be missing.
/// </summary>
/// <param name="Record">The names of the previous generation and the uses each was given for.</param>
/// <param name="Overrides">Names chosen by a person for the type with a given use, which win over every rule.</param>
/// <param name="OverridesPath">Where the overrides came from, for error messages.</param>
internal sealed record GeneratorInputs(NamesRecord Record, IReadOnlyDictionary<string, string> Overrides, string OverridesPath = "overrides.json")
{
    /// <summary>
    /// Properties the server sets itself, whatever a request says (<c>tenantId</c>, <c>createdAt</c>): request bodies
    /// leave them out; responses keep them. From the overrides file's <c>serverManagedRequestProperties</c>.
    /// </summary>
    public IReadOnlySet<string> ServerManagedRequestProperties { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Where the document says something other than what Logto's server does, from <see cref="DocumentCorrections.FileName"/>.</summary>
    public DocumentCorrections Corrections { get; init; } = DocumentCorrections.None;

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
    public static GeneratorInputs None { get; } = new(NamesRecord.Empty, new Dictionary<string, string>());

    /// <summary>Reads the record and the overrides from <paramref name="folder"/>; a missing file is an empty one.</summary>
    public static GeneratorInputs FromFolder(string folder)
    {
        var overrides = Path.Combine(folder, OverridesFileName);
        var root = File.Exists(overrides) ? ParseObject(overrides) : [];
        return new(NamesRecord.Read(Path.Combine(folder, RecordFileName)), ReadOverrides(root, overrides), overrides)
        {
            ServerManagedRequestProperties = ReadServerManaged(root, overrides),
            Corrections = DocumentCorrections.Read(Path.Combine(folder, DocumentCorrections.FileName)),
        };
    }

    /// <summary>Reads <c>{"serverManagedRequestProperties": ["tenantId", ...]}</c> from the overrides file; none when the list is missing.</summary>
    private static HashSet<string> ReadServerManaged(JsonObject root, string path)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (root["serverManagedRequestProperties"] is not { } list)
        {
            return names;
        }

        if (list is not JsonArray array || array.Any(n => n is not JsonValue v || !v.TryGetValue(out string? _)))
        {
            throw new GeneratorException(path + "#/serverManagedRequestProperties", "must be an array of property names (strings), like [\"tenantId\"].");
        }

        names.UnionWith(array.Select(n => n!.GetValue<string>()));
        return names;
    }

    /// <summary>
    /// Reads <c>{"types": {"&lt;use&gt;": "&lt;Name&gt;"}}</c>: the type used as <c>&lt;use&gt;</c> (as <c>names</c> lists
    /// uses) is named <c>&lt;Name&gt;</c>. Other top-level properties (<c>$comment</c>) are ignored.
    /// </summary>
    private static Dictionary<string, string> ReadOverrides(JsonObject root, string path)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
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

