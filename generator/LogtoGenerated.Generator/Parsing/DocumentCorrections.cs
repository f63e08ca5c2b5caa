using System.Text.Json;
using System.Text.Json.Nodes;

namespace LogtoGenerated.Generator.Parsing;

/// <summary>
/// One edit of the document where it says something other than what Logto's server does, in the style of a JSON
/// patch operation (RFC 6902): <c>replace</c> or <c>remove</c> the value at <see cref="Path"/>, which must equal
/// <see cref="Expect"/> (what the document wrongly says), or <c>add</c> <see cref="Value"/> where nothing is yet.
/// </summary>
/// <param name="Pointer">Where the correction is in its file, for error messages (<c>corrections.json#/corrections/3</c>).</param>
/// <param name="Op"><c>replace</c>, <c>remove</c> or <c>add</c>.</param>
/// <param name="Path">
/// A JSON pointer into the document; a <c>*</c> token stands for every member or element at that level, a <c>**</c> token
/// for any number of levels (none included).
/// </param>
/// <param name="Expect">For <c>replace</c> and <c>remove</c>: the document's value at every location the path matches.</param>
/// <param name="Value">For <c>replace</c> and <c>add</c>: the value that says what the server does.</param>
/// <param name="Reason">What the server really accepts or sends, in a sentence.</param>
/// <param name="Source">The file of Logto's source that shows it.</param>
/// <param name="Count">For a path with wildcards: how many locations it must edit (the wildcard edits those that say <see cref="Expect"/>).</param>
internal sealed record DocumentCorrection(string Pointer, string Op, string Path, JsonNode? Expect, JsonNode? Value, string Reason, string Source, int? Count)
{
    /// <summary>The JSON pointers (<c>*</c> expanded) of every location of the document this correction edited, filled in when applied.</summary>
    public IReadOnlyList<string> Locations { get; init; } = [];
}

/// <summary>
/// The corrections file next to the document (<c>openapi/corrections.json</c>): the one account of where Logto's
/// document is wrong, each correction with its reason and the Logto source that proves it. The generator applies them
/// before it reads the document, and the contract tests read the document through them too. A correction that no
/// longer applies (the path matches nothing, or the document no longer says what the correction expects) fails the
/// run with its location, so a fixed document does not keep a stale correction.
/// </summary>
internal sealed class DocumentCorrections
{
    /// <summary>The corrections file, next to the document.</summary>
    public const string FileName = "corrections.json";

    private static readonly string[] Ops = ["replace", "remove", "add"];

    private static readonly string[] Fields = ["op", "path", "expect", "value", "count", "reason", "source"];

    private DocumentCorrections(IReadOnlyList<DocumentCorrection> items) => Items = items;

    /// <summary>No corrections.</summary>
    public static DocumentCorrections None { get; } = new([]);

    /// <summary>The corrections, in file order.</summary>
    public IReadOnlyList<DocumentCorrection> Items { get; }

    /// <summary>Reads <paramref name="path"/>; no corrections when the file does not exist.</summary>
    public static DocumentCorrections Read(string path)
    {
        if (!File.Exists(path))
        {
            return None;
        }

        var root = GeneratorInputs.ParseObject(path);
        if (root["corrections"] is not JsonArray list)
        {
            throw new GeneratorException(path + "#/corrections", "must be an array of corrections: {\"op\", \"path\", \"expect\", \"value\", \"count\", \"reason\", \"source\"}.");
        }

        var items = new List<DocumentCorrection>();
        for (var i = 0; i < list.Count; i++)
        {
            items.Add(ReadCorrection(list[i], $"{Path.GetFileName(path)}#/corrections/{i}"));
        }

        return new DocumentCorrections(items);
    }

    /// <summary>Reads and checks the correction at <paramref name="pointer"/>; its first problem throws.</summary>
    private static DocumentCorrection ReadCorrection(JsonNode? node, string pointer)
    {
        if (node is not JsonObject entry)
        {
            throw new GeneratorException(pointer, "must be an object.");
        }

        if (entry.Select(p => p.Key).FirstOrDefault(k => !Fields.Contains(k)) is { } unknown)
        {
            throw new GeneratorException(pointer + "/" + GeneratorException.Escape(unknown), $"'{unknown}' is not a field of a correction; the fields are {string.Join(", ", Fields)}.");
        }

        var op = Text(entry, "op", pointer);
        if (!Ops.Contains(op))
        {
            throw new GeneratorException(pointer + "/op", $"must be one of {string.Join(", ", Ops)}, not '{op}'.");
        }

        var target = ReadPath(entry, pointer);
        var expect = entry["expect"];
        var value = entry["value"];
        if (op != "add" && !entry.ContainsKey("expect"))
        {
            throw new GeneratorException(pointer + "/expect", $"a '{op}' must say what the document has now ('expect'), so that it fails once Logto fixes the document.");
        }

        if (op != "remove" && !entry.ContainsKey("value"))
        {
            throw new GeneratorException(pointer + "/value", $"a '{op}' needs the value that says what the server does ('value').");
        }

        var count = ReadCount(entry, target, pointer);
        return new DocumentCorrection(pointer, op, target, expect?.DeepClone(), value?.DeepClone(), Text(entry, "reason", pointer), Text(entry, "source", pointer), count);
    }

    /// <summary>The correction's <c>path</c>: a JSON pointer into the document that names what it edits after any <c>**</c>.</summary>
    private static string ReadPath(JsonObject entry, string pointer)
    {
        var target = Text(entry, "path", pointer);
        if (!target.StartsWith('/'))
        {
            throw new GeneratorException(pointer + "/path", $"must be a JSON pointer into the document, starting with '/', not '{target}'.");
        }

        if (target.EndsWith("/**", StringComparison.Ordinal))
        {
            throw new GeneratorException(pointer + "/path", "must name what it edits after a '**' (like /**/redirectUris/items).");
        }

        return target;
    }

    /// <summary>The correction's <c>count</c>: a positive whole number, required when <paramref name="target"/> has a wildcard.</summary>
    private static int? ReadCount(JsonObject entry, string target, string pointer)
    {
        int? count = null;
        if (entry["count"] is { } countNode)
        {
            count = countNode is JsonValue c && c.TryGetValue(out int n) && n > 0
                ? n
                : throw new GeneratorException(pointer + "/count", "must be a positive whole number: how many locations the path edits.");
        }

        if (count is null && (target.Contains("/*/", StringComparison.Ordinal) || target.Contains("/**/", StringComparison.Ordinal) || target.EndsWith("/*", StringComparison.Ordinal)))
        {
            throw new GeneratorException(pointer + "/count", "a path with a wildcard needs 'count': how many places it edits, so that a change in how many places need it fails the build.");
        }

        return count;
    }

    /// <summary>
    /// Applies every correction to <paramref name="document"/> in place and returns them with the locations each edited.
    /// </summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="requireAll">
    /// True: a correction that no longer applies throws. False (comparing an older or changed document): it is passed over.
    /// </param>
    public IReadOnlyList<DocumentCorrection> Apply(JsonObject document, bool requireAll = true)
    {
        var applied = new List<DocumentCorrection>();
        foreach (var correction in Items)
        {
            var tokens = correction.Path.Split('/').Skip(1).Select(Unescape).ToArray();
            var wildcard = tokens.Any(t => t is "*" or "**");
            var locations = new List<(JsonNode Parent, string Key, string Pointer)>();
            foreach (var (parent, at) in Match(document, tokens[..^1], "").DistinctBy(m => m.Pointer))
            {
                foreach (var key in Keys(parent, tokens[^1], correction.Op == "add"))
                {
                    locations.Add((parent, key, at + "/" + GeneratorException.Escape(key)));
                }
            }

            // A wildcard path edits the locations that say what the correction expects; a plain path must say it.
            if (wildcard)
            {
                locations.RemoveAll(l => correction.Op == "add" ? Get(l.Parent, l.Key) is not null : !JsonNode.DeepEquals(Get(l.Parent, l.Key), correction.Expect));
            }

            var problem = (locations.Count, correction.Count) switch
            {
                (0, _) => wildcard
                    ? $"'{correction.Path}' matches no location that {(correction.Op == "add" ? "lacks a value" : "is " + (correction.Expect?.ToJsonString() ?? "null"))}"
                    : $"'{correction.Path}' is not in the document",
                (var found, { } count) when found != count => $"'{correction.Path}' matches {found} locations, not the {count} of its 'count'",
                _ when correction.Op == "add" => locations.Where(l => Get(l.Parent, l.Key) is not null).Select(l => $"{l.Pointer} already has a value").FirstOrDefault(),
                _ => locations.Where(l => !JsonNode.DeepEquals(Get(l.Parent, l.Key), correction.Expect))
                    .Select(l => $"{l.Pointer} is {Get(l.Parent, l.Key)?.ToJsonString() ?? "absent"}, not the expected {correction.Expect?.ToJsonString() ?? "null"}")
                    .FirstOrDefault(),
            };
            if (problem is not null)
            {
                if (requireAll)
                {
                    throw new GeneratorException(
                        correction.Pointer,
                        $"this correction no longer applies: {problem}. If Logto fixed its document, remove the correction; otherwise update its path, 'expect' or 'count'.");
                }

                continue;
            }

            // Backwards, so that removing an array element does not shift the ones still to edit.
            foreach (var (parent, key, _) in Enumerable.Reverse(locations))
            {
                Set(parent, key, correction.Op == "remove" ? null : correction.Value?.DeepClone(), correction.Op == "remove");
            }

            applied.Add(correction with { Locations = locations.Select(l => l.Pointer).ToList() });
        }

        return applied;
    }

    /// <summary>The document of <paramref name="document"/> with the corrections applied, as a new stream.</summary>
    public Stream Apply(Stream document, bool requireAll, out IReadOnlyList<DocumentCorrection> applied)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(document) as JsonObject ?? throw new GeneratorException("#", "the document is not a JSON object.");
        }
        catch (JsonException exception)
        {
            throw new GeneratorException("#", "the document is not valid JSON: " + exception.Message);
        }

        applied = Apply(root, requireAll);
        var corrected = new MemoryStream();
        using (var writer = new Utf8JsonWriter(corrected))
        {
            root.WriteTo(writer);
        }

        corrected.Position = 0;
        return corrected;
    }

    private static IEnumerable<(JsonNode Node, string Pointer)> Match(JsonNode node, ReadOnlyMemory<string> tokens, string pointer)
    {
        if (tokens.IsEmpty)
        {
            yield return (node, pointer);
            yield break;
        }

        if (tokens.Span[0] == "**")
        {
            // Any depth: here, or below any child (where "**" still applies).
            foreach (var match in Match(node, tokens[1..], pointer))
            {
                yield return match;
            }

            foreach (var key in Keys(node, "*", create: false))
            {
                if (Get(node, key) is not { } child)
                {
                    continue;
                }

                foreach (var match in Match(child, tokens, pointer + "/" + GeneratorException.Escape(key)))
                {
                    yield return match;
                }
            }

            yield break;
        }

        foreach (var key in Keys(node, tokens.Span[0], create: false))
        {
            if (Get(node, key) is { } child)
            {
                foreach (var match in Match(child, tokens[1..], pointer + "/" + GeneratorException.Escape(key)))
                {
                    yield return match;
                }
            }
        }
    }

    /// <summary>The keys of <paramref name="node"/> a token names: every one for <c>*</c>, else the token if present (or, to add, if the node is an object).</summary>
    private static IEnumerable<string> Keys(JsonNode node, string token, bool create) => (node, token) switch
    {
        (JsonObject o, "*") => o.Select(p => p.Key).ToList(),
        (JsonArray a, "*") => Enumerable.Range(0, a.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        (JsonObject o, _) when create || o.ContainsKey(token) => [token],
        (JsonArray a, _) when int.TryParse(token, out var i) && i >= 0 && i < a.Count => [token],
        _ => [],
    };

    private static JsonNode? Get(JsonNode parent, string key) => parent switch
    {
        JsonObject o => o[key],
        JsonArray a => a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)],
        _ => null,
    };

    private static void Set(JsonNode parent, string key, JsonNode? value, bool remove)
    {
        switch (parent)
        {
            case JsonObject o when remove:
                o.Remove(key);
                break;
            case JsonObject o:
                o[key] = value;
                break;
            case JsonArray a when remove:
                a.RemoveAt(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case JsonArray a:
                a[int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)] = value;
                break;
        }
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Text(JsonObject entry, string name, string pointer) =>
        entry[name] is JsonValue v && v.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : throw new GeneratorException(pointer + "/" + name, $"'{name}' must be a non-empty string.");
}
