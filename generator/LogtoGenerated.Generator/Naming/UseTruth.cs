using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// Whether a type name tells the truth about every use of the type, and names every use shares. A name is true to a
/// use when the words that qualify it (all but the last, up to a <c>With</c> clause naming its own properties) stand,
/// in order, in a name that use suggests on its own: <c>RoleType</c> is true to <c>OrganizationRole.type</c> (<c>OrganizationRoleType</c>) and to
/// <c>Role.type</c>, while <c>OrganizationRoleType</c> is not true to <c>Role.type</c>, and <c>UpdateCimdConfigRequest</c>
/// is not true to <c>SignInExp.adaptiveMfa</c>.
/// </summary>
internal static class UseTruth
{
    /// <summary>True when <paramref name="name"/> is true to every use of <paramref name="type"/> whose parent is named.</summary>
    public static bool IsTrueToAllUses(string name, ModelType type) => !UntrueUses(name, type).Any();

    /// <summary>The uses of <paramref name="type"/> that <paramref name="name"/> is not true to.</summary>
    public static IEnumerable<NameCandidate> UntrueUses(string name, ModelType type)
    {
        if (type.NamedByOverride || type.Candidates.Any(c => c.Rank == NameHint.ComponentRank && c.Name == name))
        {
            // A person chose the name for what the type is, or the document itself names the schema so.
            return [];
        }

        var qualifiers = Qualifiers(name, type);
        return qualifiers.Count == 0 || SharedNames(type).Contains(name, StringComparer.Ordinal) ? [] : type.Candidates.Where(use => !IsTrueTo(qualifiers, use));
    }

    private static bool IsTrueTo(IReadOnlyList<string> qualifiers, NameCandidate use)
    {
        if (use.Parent is { Name.Length: 0 })
        {
            return true;
        }

        return OwnNames(use).Any(own => IsSubsequence(qualifiers, Comparable(Identifiers.Words(own))));
    }

    /// <summary>
    /// Names every use shares, for a type whose uses suggest no name true to all of them: for a body that only requests
    /// take (or responses echo), a name built from its one property (<c>RoleIdsRequest</c>, <c>UploadFileRequest</c> for a file
    /// upload); then the longest run of words every use's own name ends with (<c>Branding</c>).
    /// </summary>
    public static IEnumerable<string> SharedNames(ModelType type)
    {
        // A body of one property that requests send (and responses may echo): {roleIds} is RoleIdsRequest.
        if (type is ObjectType { Properties: [var only] } && type.Candidates.All(c => c.Rank is NameHint.RequestRank or NameHint.ResponseRank)
            && type.Candidates.Any(c => c.Rank == NameHint.RequestRank))
        {
            yield return (type.Key.StartsWith("m(", StringComparison.Ordinal) ? "Upload" : "") + Identifiers.Pascal(only.WireName) + "Request";
        }

        var names = type.Candidates.Select(c => TypeNamer.NamesOf(c).LastOrDefault()).ToList();
        if (names.Count < 2 || names.Any(n => n is null))
        {
            yield break;
        }

        var words = names.Select(n => Identifiers.Words(n!)).ToList();
        var shortest = words.OrderBy(w => w.Count).ThenBy(w => string.Concat(w), StringComparer.Ordinal).First();
        var common = 0;
        while (common < shortest.Count && words.All(w => SameWord(w[^(common + 1)], shortest[^(common + 1)])))
        {
            common++;
        }

        if (common > 0)
        {
            yield return string.Concat(shortest.Skip(shortest.Count - common).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        }
    }

    /// <summary>
    /// The words that qualify a name: all but the last, connectives left out. A closing <c>With</c> clause naming the
    /// type's own properties (<c>RoleWithScopes</c>, <c>OrganizationWithFeaturedUsersAndUsersCount</c>) says what the
    /// shape adds, not whose it is: only the words before it count.
    /// </summary>
    private static List<string> Qualifiers(string name, ModelType type)
    {
        var words = Identifiers.Words(name).ToList();
        var with = words.IndexOf("With");
        if (with > 0 && type is ObjectType shape)
        {
            var properties = shape.Properties.Select(p => Identifiers.Pascal(p.WireName)).ToHashSet(StringComparer.Ordinal);
            var clause = string.Concat(words.Skip(with + 1)).Split("And");
            if (clause.All(properties.Contains))
            {
                words = words[..with];
            }
        }

        words.RemoveAll(w => w is "With" or "And");
        return words.Count <= 1 ? [] : Comparable(words.Take(words.Count - 1)).ToList();
    }

    private static IEnumerable<string> OwnNames(NameCandidate use)
    {
        foreach (var name in TypeNamer.NamesOf(use))
        {
            yield return name;
        }

        if (use.Fallback is not null)
        {
            yield return use.Fallback;
        }

        if (use.Qualified is not null)
        {
            yield return use.Qualified;
        }

        if (use is { Rank: NameHint.RequestRank, Member: { } noun })
        {
            yield return noun + "Request";
        }
    }

    private static List<string> Comparable(IEnumerable<string> words) => [.. words.Select(ComparableWord)];

    /// <summary>Singular and upper case, so that <c>Roles</c> qualifies like <c>role</c>; cached, as names are compared often.</summary>
    private static string ComparableWord(string word)
    {
        lock (ComparableWords)
        {
            if (!ComparableWords.TryGetValue(word, out var comparable))
            {
                comparable = Identifiers.Singular(char.ToUpperInvariant(word[0]) + word[1..]).ToUpperInvariant();
                ComparableWords.Add(word, comparable);
            }

            return comparable;
        }
    }

    private static readonly Dictionary<string, string> ComparableWords = new(StringComparer.Ordinal);

    private static bool SameWord(string a, string b) => Comparable([a])[0] == Comparable([b])[0];

    private static bool IsSubsequence(IReadOnlyList<string> needle, IReadOnlyList<string> haystack)
    {
        var at = 0;
        foreach (var word in haystack)
        {
            if (at < needle.Count && needle[at] == word)
            {
                at++;
            }
        }

        return at == needle.Count;
    }
}

/// <summary>
/// Type names every C# file already sees through the SDK's implicit usings (<c>System</c>, <c>System.IO</c>,
/// <c>System.Collections.Generic</c>, <c>System.Linq</c>, <c>System.Net.Http</c>, <c>System.Threading</c>,
/// <c>System.Threading.Tasks</c>): a generated type with one of these names would hide it (<c>Models.Action</c> vs
/// <c>System.Action</c>), so no rule gives one.
/// </summary>
internal static class SystemTypeNames
{
    private static readonly HashSet<string> Namespaces = new(StringComparer.Ordinal)
    {
        "System", "System.IO", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    };

    public static IReadOnlySet<string> All { get; } = Collect();

    private static HashSet<string> Collect()
    {
        var assemblies = new[] { typeof(object), typeof(Enumerable), typeof(HttpClient), typeof(Stack<>), typeof(File), typeof(Timer), typeof(Parallel) }
            .Select(t => t.Assembly).Distinct();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in assemblies.SelectMany(a => a.GetExportedTypes()))
        {
            if (type.Namespace is { } ns && Namespaces.Contains(ns) && !type.IsNested)
            {
                var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
                names.Add(tick < 0 ? type.Name : type.Name[..tick]);
            }
        }

        return names;
    }
}
