using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// Gives every model type one name, chosen from the names its uses suggest. Stronger uses win
/// (a component name over an operation's resource over a request body over a property), then
/// the name most uses agree on. Parents are named before the types nested in them, so nested
/// names build on their parent's final name. When the preferred name is held by another shape,
/// the type is named by what tells it apart (<c>RoleWithScopes</c>) or by its own use
/// (<c>RoleListItem</c>); never by a number.
/// </summary>
internal static class TypeNamer
{
    public static void NameAll(IReadOnlyList<ModelType> types)
    {
        var taken = new Dictionary<string, ModelType>(StringComparer.Ordinal);
        var pending = types.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(IsReady).ToList();
            if (ready.Count == 0)
            {
                ready = pending;
            }

            foreach (var type in ready.OrderBy(BestRank).ThenByDescending(t => t.Candidates.Count(c => c.Rank == BestRank(t))).ThenBy(t => t.FirstSeen))
            {
                Assign(type, taken);
            }

            pending = pending.Where(t => t.Name.Length == 0).ToList();
        }
    }

    private static int BestRank(ModelType type) => type.Candidates.Count == 0 ? int.MaxValue : type.Candidates.Min(c => c.Rank);

    private static bool IsReady(ModelType type) =>
        type.Candidates.Any(c => c.Rank < Parsing.NameHint.NestedRank)
        || type.Candidates.All(c => c.Parent is null || c.Parent.Name.Length > 0);

    private static void Assign(ModelType type, Dictionary<string, ModelType> taken)
    {
        var preferred = PreferredNames(type).ToList();
        if (preferred.Count == 0)
        {
            throw new GeneratorException(type.Pointer, "no use of this schema suggests a name for its type.");
        }

        var name = preferred.FirstOrDefault(n => !taken.ContainsKey(n))
            ?? DistinguishedName(type, preferred[0], taken[preferred[0]], taken)
            ?? FallbackNames(type).FirstOrDefault(n => !taken.ContainsKey(n))
            ?? throw new GeneratorException(type.Pointer, $"no unique name for this type: '{string.Join("', '", preferred)}' are taken by other shapes.");

        type.Name = name;
        type.Folder = FolderOf(type);
        taken.Add(name, type);
    }

    /// <summary>The names suggested by the strongest uses, most agreed first.</summary>
    private static IEnumerable<string> PreferredNames(ModelType type)
    {
        foreach (var group in type.Candidates.GroupBy(c => c.Rank).OrderBy(g => g.Key))
        {
            var names = new List<(string Name, int ParentRank)>();
            if (group.Key == Parsing.NameHint.RequestRank)
            {
                // One body shared by AddOrganizationUsers and ReplaceOrganizationUsers is OrganizationUsersRequest.
                var nouns = group.Select(c => c.Member).Distinct().ToList();
                var operations = group.Select(c => c.Name).Distinct().Count();
                if (operations > 1 && nouns is [{ } noun])
                {
                    names.Add((noun + "Request", 0));
                }
            }

            foreach (var candidate in group)
            {
                var parentRank = candidate.Parent is null ? 0 : BestRank(candidate.Parent);
                names.AddRange(NamesOf(candidate).Select(n => (n, parentRank)));
            }

            // Nested names follow the parent with the strongest name (Application.type before
            // ContextSampleApplication.type), then the name most uses agree on, then document order.
            var ordered = names.Select((n, i) => (n.Name, n.ParentRank, Index: i))
                .GroupBy(x => x.Name)
                .OrderBy(g => g.Min(x => x.ParentRank))
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.First().Index)
                .Select(g => g.Key);
            foreach (var name in ordered)
            {
                yield return name;
            }
        }
    }

    private static IEnumerable<string> NamesOf(NameCandidate candidate)
    {
        if (candidate.Rank != Parsing.NameHint.NestedRank)
        {
            if (candidate.Name is not null)
            {
                yield return candidate.Name;
            }

            yield break;
        }

        if (candidate.Member is null || candidate.Parent is null || candidate.Parent.Name.Length == 0)
        {
            yield break;
        }

        var member = Identifiers.Pascal(candidate.Member);
        if (candidate.Parent is UnionType)
        {
            // CreateUserMfaVerificationRequest's "Totp" alternative is CreateUserMfaVerificationTotpRequest.
            yield return Alternative(candidate.Parent.Name, member);
            yield break;
        }

        if (Identifiers.IsCompound(candidate.Member) || member.StartsWith(candidate.Parent.Name, StringComparison.Ordinal))
        {
            // customDomains -> CustomDomain: a compound property name stands on its own.
            yield return member;
        }

        yield return Nested(candidate.Parent.Name, member);
    }

    /// <summary><c>User</c> + <c>Profile</c> is <c>UserProfile</c>; <c>Role</c> + <c>RoleScope</c> stays <c>RoleScope</c>.</summary>
    private static string Nested(string parent, string member) =>
        member.StartsWith(parent, StringComparison.Ordinal) ? member : parent + member;

    private static readonly string[] UseSuffixes = ["Request", "Response", "Result"];

    private static string Alternative(string union, string member)
    {
        var suffix = UseSuffixes.FirstOrDefault(s => union.EndsWith(s, StringComparison.Ordinal) && union.Length > s.Length);
        return suffix is null ? Nested(union, member) : union[..^suffix.Length] + member + suffix;
    }

    /// <summary>Names a shape that extends the holder of its preferred name by what it adds: <c>RoleWithScopes</c>.</summary>
    private static string? DistinguishedName(ModelType type, string preferred, ModelType holder, Dictionary<string, ModelType> taken)
    {
        if (type is not ObjectType mine || holder is not ObjectType theirs)
        {
            return null;
        }

        var theirNames = theirs.Properties.Select(p => p.WireName).ToHashSet(StringComparer.Ordinal);
        var extra = mine.Properties.Where(p => !theirNames.Contains(p.WireName)).Select(p => Identifiers.Pascal(p.WireName)).ToList();
        var isSuperset = theirNames.All(n => mine.Properties.Any(p => p.WireName == n));
        if (!isSuperset || extra.Count is 0 or > 2)
        {
            return null;
        }

        var name = preferred + "With" + string.Join("And", extra);
        return taken.ContainsKey(name) ? null : name;
    }

    private static IEnumerable<string> FallbackNames(ModelType type)
    {
        foreach (var candidate in type.Candidates.OrderBy(c => c.Rank))
        {
            if (candidate.Fallback is not null)
            {
                yield return candidate.Fallback;
            }

            if (candidate is { Rank: Parsing.NameHint.NestedRank, Parent.Name.Length: > 0, Member: not null })
            {
                yield return Nested(candidate.Parent.Name, Identifiers.Pascal(candidate.Member));
                if (candidate.Parent.Candidates.FirstOrDefault(c => c.Parent is { Name.Length: > 0 }) is { Parent: { } grandParent })
                {
                    yield return Nested(grandParent.Name, Nested(candidate.Parent.Name, Identifiers.Pascal(candidate.Member)));
                }
            }
        }

        // Last resort: the use qualified by its operation, which no other use shares (GetUserResponseProfile).
        foreach (var name in QualifiedNames(type))
        {
            yield return name;
        }
    }

    /// <summary>
    /// Names unique to one use of the type: its operation-based fallback for a top-level use, or for a
    /// nested use the member appended to a qualified name of its parent. Lazy: the first free one is taken.
    /// </summary>
    private static IEnumerable<string> QualifiedNames(ModelType type)
    {
        foreach (var candidate in type.Candidates.OrderBy(c => c.Rank))
        {
            if (candidate.Qualified is not null)
            {
                yield return candidate.Qualified;
            }

            if (candidate.Fallback is not null)
            {
                yield return candidate.Fallback;
            }

            if (candidate is { Rank: Parsing.NameHint.NestedRank, Parent: { } parent, Member: not null })
            {
                var member = Identifiers.Pascal(candidate.Member);
                foreach (var qualifiedParent in QualifiedNames(parent))
                {
                    yield return parent is UnionType ? Alternative(qualifiedParent, member) : Nested(qualifiedParent, member);
                }
            }
        }
    }

    private static string FolderOf(ModelType type)
    {
        var best = type.Candidates.OrderBy(c => c.Rank).First();
        return best.Parent is { Folder.Length: > 0 } parent ? parent.Folder : best.Folder;
    }
}
