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
    /// <summary>The uses of <paramref name="type"/> that <paramref name="name"/> is not true to; none for a name chosen by a person.</summary>
    public static IEnumerable<NameCandidate> UntrueUses(string name, TypeInstance type) =>
        type.NamedByOverride ? [] : UntrueUses(name, type, type.Candidates);

    /// <summary>The uses among <paramref name="uses"/>, of a type shaped as <paramref name="shape"/>, that <paramref name="name"/> is not true to.</summary>
    /// <param name="name">The name.</param>
    /// <param name="shape">The type's shape.</param>
    /// <param name="uses">The uses the name would cover.</param>
    /// <param name="shared">The <see cref="SharedNames"/> of these uses, when already known.</param>
    public static IEnumerable<NameCandidate> UntrueUses(string name, TypeInstance shape, IReadOnlyList<NameCandidate> uses, IReadOnlyList<string>? shared = null)
    {
        if (IsComponentName(name, uses))
        {
            // The document itself names the schema so.
            return [];
        }

        var qualifiers = Qualifiers(name, shape);
        var qualified = qualifiers.Count > 0 && !(shared ?? SharedNames(shape, uses)).Contains(name, StringComparer.Ordinal);
        // A component use is the document's name for the schema, not a place it is used: it suggests names but refutes none.
        return uses.Where(use => use.Rank != NameHint.ComponentRank && (!FitsDirection(name, use) || (qualified && !IsTrueTo(qualifiers, use))));
    }

    /// <summary>
    /// True when <paramref name="name"/> is true to <paramref name="use"/> alone, one of the uses of <paramref name="shape"/>:
    /// whether the use may be one of the uses a type of that name covers.
    /// </summary>
    public static bool IsTrueTo(string name, TypeInstance shape, NameCandidate use) =>
        use.Rank == NameHint.ComponentRank || IsComponentName(name, shape.Candidates) || (FitsDirection(name, use) && Qualifiers(name, shape) is var qualifiers && (qualifiers.Count == 0 || IsTrueTo(qualifiers, use)));

    private static bool IsComponentName(string name, IReadOnlyList<NameCandidate> uses) =>
        uses.Any(c => c.Rank == NameHint.ComponentRank && c.Name == name);

    private static bool IsTrueTo(IReadOnlyList<string> qualifiers, NameCandidate use)
    {
        if (OwnNames(use).Any(own => IsSubsequence(qualifiers, ComparableWordsOf(own))))
        {
            return true;
        }

        // A nested use is also true to its member after a fuller or qualified name of its parent (ListUsersResponseListItemProfile).
        return NameRules.NestedIn(use) is var (parent, member)
            && Scan(qualifiers, ComparableWordsOf(member), Reach(qualifiers, parent, 0, [])) == qualifiers.Count;
    }

    /// <summary>
    /// How many of <paramref name="qualifiers"/>, from <paramref name="start"/>, stand in order in some name of
    /// <paramref name="type"/>: its own, a fallback or qualified name of one of its uses, or one of its parents' names
    /// followed by its member. Scanning greedily, more words matched in a prefix never matches fewer overall.
    /// </summary>
    private static int Reach(IReadOnlyList<string> qualifiers, TypeInstance type, int start, Dictionary<(TypeInstance, int), int> reached)
    {
        if (reached.TryGetValue((type, start), out var known))
        {
            return known;
        }

        var best = Scan(qualifiers, ComparableWordsOf(type.Name), start);
        foreach (var use in type.Candidates)
        {
            foreach (var own in NameRules.OwnQualifiedNames(use))
            {
                best = Math.Max(best, Scan(qualifiers, ComparableWordsOf(own), start));
            }

            if (NameRules.NestedIn(use) is var (parent, member))
            {
                best = Math.Max(best, Scan(qualifiers, ComparableWordsOf(member), Reach(qualifiers, parent, start, reached)));
            }
        }

        reached[(type, start)] = best;
        return best;
    }

    /// <summary>Matches <paramref name="qualifiers"/> from <paramref name="start"/> against <paramref name="words"/> (comparable) in order; returns where it stopped.</summary>
    private static int Scan(IReadOnlyList<string> qualifiers, IReadOnlyList<string> words, int start)
    {
        foreach (var word in words)
        {
            if (start < qualifiers.Count && qualifiers[start] == word)
            {
                start++;
            }
        }

        return start;
    }

    /// <summary>
    /// A name ending in <c>Request</c> is only true to what requests send, one ending in <c>Response</c> only to what
    /// responses return (nested uses count as their parent's; a component is a name, not a use).
    /// </summary>
    public static bool FitsDirection(string name, NameCandidate use)
    {
        var named = DirectionOfName(name);
        return named == Direction.None || use.Rank == NameHint.ComponentRank || DirectionOf(use) == named;
    }

    /// <summary>Which way a use goes: what requests send, what responses return, or neither (a parameter, or both).</summary>
    public enum Direction
    {
        None,
        Request,
        Response,
    }

    private static Direction DirectionOfName(string name) =>
        name.EndsWith("Request", StringComparison.Ordinal) && name.Length > "Request".Length ? Direction.Request
        : name.EndsWith("Response", StringComparison.Ordinal) && name.Length > "Response".Length ? Direction.Response
        : Direction.None;

    public static Direction DirectionOf(NameCandidate use) => use.Rank switch
    {
        NameHint.RequestRank => Direction.Request,
        NameHint.ResponseRank => Direction.Response,
        NameHint.NestedRank when use.Parent is { } parent => CommonDirection(parent.Candidates),
        _ => Direction.None,
    };

    /// <summary>The direction all the uses (components aside) share, or none.</summary>
    private static Direction CommonDirection(IEnumerable<NameCandidate> uses)
    {
        var directions = uses.Where(u => u.Rank != NameHint.ComponentRank).Select(DirectionOf).Distinct().ToList();
        return directions is [var only] ? only : Direction.None;
    }

    /// <summary>
    /// Names every use shares, for a type whose uses suggest no name true to all of them: for a body that only requests
    /// take, a name built from its one property (<c>RoleIdsRequest</c>, <c>UploadFileRequest</c> for a file upload); then
    /// the longest run of words every use's own name ends with (<c>Branding</c>).
    /// </summary>
    public static IEnumerable<string> SharedNames(TypeInstance shape, IReadOnlyList<NameCandidate> uses)
    {
        // A body of one property that requests send: {roleIds} is RoleIdsRequest.
        if (shape.Shape is ObjectType { Properties: [var only] } && uses.Count > 0 && uses.All(c => c.Rank == NameHint.RequestRank))
        {
            yield return (shape.Shape.Key.StartsWith("m(", StringComparison.Ordinal) ? "Upload" : "") + Identifiers.Pascal(only.WireName) + "Request";
        }

        var names = uses.Select(c => NameRules.NamesOf(c).LastOrDefault()).ToList();
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
    private static List<string> Qualifiers(string name, TypeInstance type)
    {
        var words = Identifiers.Words(name).ToList();
        var with = words.IndexOf("With");
        if (with > 0 && type.Shape is ObjectType shape)
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
        foreach (var name in NameRules.NamesOf(use))
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

    /// <summary>The comparable words of a name; cached, as the same names are compared often.</summary>
    private static List<string> ComparableWordsOf(string name)
    {
        lock (ComparableNames)
        {
            if (!ComparableNames.TryGetValue(name, out var words))
            {
                words = Comparable(Identifiers.Words(name));
                ComparableNames.Add(name, words);
            }

            return words;
        }
    }

    private static readonly Dictionary<string, List<string>> ComparableNames = new(StringComparer.Ordinal);

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
