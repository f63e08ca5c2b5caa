using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// Gives every model type one name. In order of precedence:
/// <list type="number">
/// <item>an override (<see cref="GeneratorInputs.Overrides"/>) for one of the type's uses: a person chose the name;</item>
/// <item>the name the committed record (<see cref="GeneratorInputs.Record"/>) gave the type that had most of these uses,
/// so a name does not move while what it stands for still exists;</item>
/// <item>the rules: the names the uses suggest, stronger uses first (a component name over an operation's resource over a
/// request body over a property), then the name most uses agree on; only names that are true to every use (a name
/// built from one operation or resource is kept for types used by that operation or resource alone); when none is,
/// a name every use shares (<c>Branding</c> for the <c>branding</c> of several types) or one built from the shape
/// (<c>RoleIdsRequest</c>). When the preferred name is held by another shape, the type is named by what tells it
/// apart (<c>RoleWithScopes</c>) or by its own use (<c>RoleListItem</c>); never by a number.</item>
/// </list>
/// Parents are named before the types nested in them, so nested names (and nested uses, <c>User.profile</c>) build on
/// their parent's final name. Nothing depends on the order of the document: ties go to the ordinal order of uses.
/// </summary>
internal static class TypeNamer
{
    /// <summary>Names that say nothing alone; a name every use shares must be more than one of these.</summary>
    private static readonly HashSet<string> EmptyNames = new(StringComparer.Ordinal)
    {
        "Request", "Response", "Result", "Item", "ListItem", "Value", "Object", "Type", "Id", "Data", "List", "Name", "Config", "Info",
    };

    public static void NameAll(IReadOnlyList<ModelType> types, GeneratorInputs inputs)
    {
        var taken = new Dictionary<string, ModelType>(StringComparer.Ordinal);
        // Names the record keeps for types not named yet, and names every C# file already sees: no rule takes them.
        var reserved = new HashSet<string>(inputs.Record.Names.Keys, StringComparer.Ordinal);
        reserved.UnionWith(SystemTypeNames.All);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var pending = types.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(IsReady).ToList();
            if (ready.Count == 0)
            {
                ready = pending;
            }

            foreach (var type in ready)
            {
                type.Candidates.Sort(CompareUses);
                ApplyOverride(type, inputs, taken, applied);
            }

            ApplyRecord(ready.Where(t => t.Name.Length == 0).ToList(), inputs.Record, taken);
            // Stronger uses first, then more of them, then uses of a whole value before uses as list items (the entity of
            // GET /roles/{id} is Role before the items of GET /roles), then ordinal order of the principal use.
            foreach (var type in ready.Where(t => t.Name.Length == 0).OrderBy(BestRank)
                .ThenByDescending(t => t.Candidates.Count(c => c.Rank == BestRank(t)))
                .ThenBy(t => t.Candidates.Count(c => c.Rank == BestRank(t) && c.Use.EndsWith("[]", StringComparison.Ordinal)))
                .ThenBy(PrincipalUse, StringComparer.Ordinal))
            {
                Assign(type, taken, reserved);
            }

            pending = pending.Where(t => t.Name.Length == 0).ToList();
        }

        if (inputs.RequireAllOverrides && inputs.Overrides.Keys.FirstOrDefault(use => !applied.Contains(use)) is { } stale)
        {
            var pointer = inputs.OverridesPath + "#/types/" + GeneratorException.Escape(stale);
            if (types.FirstOrDefault(t => t.Candidates.Any(c => c.UseKey == stale)) is { } early)
            {
                // A type with a top-level use is named before the types it is nested in, so its nested uses are not known yet.
                throw new GeneratorException(pointer, $"the override cannot name the type used as '{stale}' by that use: the type is named before the type it is nested in. "
                    + $"Key the override by one of its top-level uses instead: '{string.Join("', '", early.Candidates.Where(c => c.Parent is null).Select(c => c.UseKey))}'.");
            }

            throw new GeneratorException(pointer,
                $"the override names '{inputs.Overrides[stale]}' the type used as '{stale}', but no type has that use any more. "
                + "Remove the entry, or key it by a use the type still has ('names --document ...' lists every type's uses).");
        }
    }

    /// <summary>
    /// A type can be named once the types it is nested in are (its nested names build on theirs), or at once when a
    /// top-level use (an operation's body or response, a component) names it without them.
    /// </summary>
    private static bool IsReady(ModelType type) =>
        type.Candidates.Any(c => c.Rank < NameHint.NestedRank) || type.Candidates.All(c => c.Parent is null || c.Parent.Name.Length > 0);

    /// <summary>Orders uses by strength, then by their words: the same order whatever the order of the document.</summary>
    private static int CompareUses(NameCandidate a, NameCandidate b)
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : string.CompareOrdinal(a.UseKey, b.UseKey);
    }

    private static int BestRank(ModelType type) => type.Candidates.Count == 0 ? int.MaxValue : type.Candidates.Min(c => c.Rank);

    /// <summary>The type's strongest use, first in ordinal order among equals: a tie-break that ignores document order.</summary>
    private static string PrincipalUse(ModelType type) => type.Candidates.Count == 0 ? "" : type.Candidates.Min(c => (c.Rank, c.UseKey)).UseKey;

    private static void ApplyOverride(ModelType type, GeneratorInputs inputs, Dictionary<string, ModelType> taken, HashSet<string> applied)
    {
        var chosen = type.Candidates.Select(c => c.UseKey).Where(inputs.Overrides.ContainsKey).Distinct().ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        var names = chosen.Select(use => inputs.Overrides[use]).Distinct().ToList();
        if (names.Count > 1)
        {
            throw new GeneratorException(
                inputs.OverridesPath + "#/types",
                $"the uses '{string.Join("', '", chosen)}' are one type, but the overrides name it '{string.Join("', '", names)}'. Keep one of them.");
        }

        if (taken.TryGetValue(names[0], out var holder))
        {
            throw new GeneratorException(
                inputs.OverridesPath + "#/types/" + GeneratorException.Escape(chosen[0]),
                $"the override names this type '{names[0]}', but another type already has that name (the type used as '{holder.Candidates[0].UseKey}'). Choose another name.");
        }

        applied.UnionWith(chosen);
        type.NamedByOverride = true;
        Name(type, names[0], taken);
    }

    /// <summary>Gives each type the recorded name sharing most uses with it; a recorded name goes to one type.</summary>
    private static void ApplyRecord(IReadOnlyList<ModelType> types, NamesRecord record, Dictionary<string, ModelType> taken)
    {
        var namesByUse = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, uses) in record.Names)
        {
            foreach (var use in uses)
            {
                (namesByUse.TryGetValue(use, out var list) ? list : namesByUse[use] = []).Add(name);
            }
        }

        var offers = new List<(ModelType Type, string Name, int Shared, string Principal)>();
        foreach (var type in types)
        {
            var shared = type.Candidates.Select(c => c.UseKey).Distinct()
                .SelectMany(use => namesByUse.GetValueOrDefault(use) ?? [])
                .GroupBy(name => name);
            offers.AddRange(shared.Select(g => (type, g.Key, g.Count(), PrincipalUse(type))));
        }

        foreach (var offer in offers.OrderByDescending(o => o.Shared).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Principal, StringComparer.Ordinal))
        {
            if (offer.Type.Name.Length == 0 && !taken.ContainsKey(offer.Name))
            {
                Name(offer.Type, offer.Name, taken);
            }
        }
    }

    private static void Name(ModelType type, string name, Dictionary<string, ModelType> taken)
    {
        type.Name = name;
        type.Folder = FolderOf(type);
        taken.Add(name, type);
    }

    private static void Assign(ModelType type, Dictionary<string, ModelType> taken, HashSet<string> reserved)
    {
        var preferred = PreferredNames(type).Distinct(StringComparer.Ordinal).ToList();
        if (preferred.Count == 0)
        {
            throw new GeneratorException(type.Pointer, "no use of this schema suggests a name for its type.");
        }

        bool Free(string name) => !taken.ContainsKey(name) && !reserved.Contains(name);
        bool True(string name) => UseTruth.IsTrueToAllUses(name, type);
        var holder = taken.GetValueOrDefault(preferred[0]);
        var name = preferred.Where(True).FirstOrDefault(Free)
            ?? (holder is null ? null : DistinguishedName(type, preferred[0], holder, Free) is { } distinguished && True(distinguished) ? distinguished : null)
            ?? UseTruth.SharedNames(type).FirstOrDefault(n => Free(n) && !EmptyNames.Contains(n))
            ?? FallbackNames(type).Where(True).FirstOrDefault(Free)
            // Nothing true to every use is free: the best name of the strongest use. 'names' flags it, and an override fixes it.
            ?? preferred.FirstOrDefault(Free)
            ?? FallbackNames(type).FirstOrDefault(Free)
            ?? throw new GeneratorException(type.Pointer, $"no unique name for this type: '{string.Join("', '", preferred)}' are taken by other shapes.");
        Name(type, name, taken);
    }

    /// <summary>The names suggested by the strongest uses, most agreed first.</summary>
    private static IEnumerable<string> PreferredNames(ModelType type)
    {
        foreach (var group in type.Candidates.GroupBy(c => c.Rank).OrderBy(g => g.Key))
        {
            var names = new List<(string Name, int ParentRank)>();
            if (group.Key == NameHint.RequestRank)
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
            // ContextSampleApplication.type), then the name most uses agree on, then the first suggested.
            // (Candidates are sorted by use, so "first suggested" does not depend on the order of the document.)
            var ordered = names.Select((n, i) => (n.Name, n.ParentRank, Index: i))
                .GroupBy(x => x.Name)
                .OrderBy(g => g.Min(x => x.ParentRank))
                .ThenByDescending(g => g.Count())
                .ThenBy(g => g.Min(x => x.Index))
                .Select(g => g.Key);
            foreach (var name in ordered)
            {
                yield return name;
            }
        }
    }

    /// <summary>The names one use suggests for the type on its own.</summary>
    internal static IEnumerable<string> NamesOf(NameCandidate candidate)
    {
        if (candidate.Rank != NameHint.NestedRank)
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
    private static string? DistinguishedName(ModelType type, string preferred, ModelType holder, Func<string, bool> free)
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
        return free(name) ? name : null;
    }

    private static IEnumerable<string> FallbackNames(ModelType type)
    {
        foreach (var candidate in type.Candidates)
        {
            if (candidate.Fallback is not null)
            {
                yield return candidate.Fallback;
            }

            if (candidate is { Rank: NameHint.NestedRank, Parent.Name.Length: > 0, Member: not null })
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
        foreach (var candidate in type.Candidates)
        {
            if (candidate.Qualified is not null)
            {
                yield return candidate.Qualified;
            }

            if (candidate.Fallback is not null)
            {
                yield return candidate.Fallback;
            }

            if (candidate is { Rank: NameHint.NestedRank, Parent: { } parent, Member: not null })
            {
                var member = Identifiers.Pascal(candidate.Member);
                foreach (var qualifiedParent in QualifiedNames(parent))
                {
                    yield return parent is UnionType ? Alternative(qualifiedParent, member) : Nested(qualifiedParent, member);
                }
            }
        }
    }

    /// <summary>The folder most of the strongest uses belong to (a nested use: its parent's), first in ordinal order among equals.</summary>
    private static string FolderOf(ModelType type)
    {
        var best = BestRank(type);
        return type.Candidates.Where(c => c.Rank == best)
            .Select(c => c.Parent is { Folder.Length: > 0 } parent ? parent.Folder : c.Folder)
            .GroupBy(folder => folder)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? "Common";
    }
}
