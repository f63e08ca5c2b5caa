using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// The names a type's uses suggest, best first, and the folder its uses put it in. Pure functions of the uses: which
/// of these names a type gets is decided by <see cref="TypeNamer"/>.
/// </summary>
internal static class NameRules
{
    private static readonly string[] UseSuffixes = ["Request", "Response", "Result"];

    /// <summary>Orders uses by strength, then by their words: the same order whatever the order of the document.</summary>
    public static int CompareUses(NameCandidate a, NameCandidate b)
    {
        var byRank = a.Rank.CompareTo(b.Rank);
        return byRank != 0 ? byRank : string.CompareOrdinal(a.UseKey, b.UseKey);
    }

    public static int BestRank(IReadOnlyList<NameCandidate> uses) => uses.Count == 0 ? int.MaxValue : uses.Min(c => c.Rank);

    /// <summary>The strongest use, first in ordinal order among equals: a tie-break that ignores document order.</summary>
    public static string PrincipalUse(IReadOnlyList<NameCandidate> uses) => uses.Count == 0 ? "" : uses.Min(c => (c.Rank, c.UseKey)).UseKey;

    /// <summary>The names suggested by the strongest uses, most agreed first.</summary>
    public static IEnumerable<string> PreferredNames(IReadOnlyList<NameCandidate> uses)
    {
        foreach (var group in uses.GroupBy(c => c.Rank).OrderBy(g => g.Key))
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
                var parentRank = candidate.Parent is null ? 0 : BestRank(candidate.Parent.Candidates);
                names.AddRange(NamesOf(candidate).Select(n => (n, parentRank)));
            }

            // Nested names follow the parent with the strongest name (Application.type before
            // ContextSampleApplication.type), then the name most uses agree on, then the first suggested.
            // (Uses are sorted, so "first suggested" does not depend on the order of the document.)
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
    public static IEnumerable<string> NamesOf(NameCandidate candidate)
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
        if (candidate.Parent.Shape is UnionType)
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

    /// <summary>Names a shape that extends the holder of its preferred name by what it adds: <c>RoleWithScopes</c>.</summary>
    public static string? DistinguishedName(TypeInstance type, string preferred, TypeInstance holder, Func<string, bool> free)
    {
        if (type.Shape is not ObjectType mine || holder.Shape is not ObjectType theirs)
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

    /// <summary>Names for uses whose preferred names are taken: their own fallbacks, nested names of their parents, then qualified names.</summary>
    public static IEnumerable<string> FallbackNames(IReadOnlyList<NameCandidate> uses)
    {
        foreach (var candidate in uses)
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
        foreach (var name in QualifiedNames(uses))
        {
            yield return name;
        }
    }

    /// <summary>
    /// Names unique to one use: its operation-based fallback for a top-level use, or for a nested use the member
    /// appended to a qualified name of its parent. Lazy: the first free one is taken.
    /// </summary>
    private static IEnumerable<string> QualifiedNames(IReadOnlyList<NameCandidate> uses)
    {
        foreach (var candidate in uses)
        {
            foreach (var own in OwnQualifiedNames(candidate))
            {
                yield return own;
            }

            if (NestedIn(candidate) is var (parent, member))
            {
                foreach (var qualifiedParent in QualifiedNames(parent.Candidates))
                {
                    yield return parent.Shape is UnionType ? Alternative(qualifiedParent, member) : Nested(qualifiedParent, member);
                }
            }
        }
    }

    /// <summary>
    /// The names a use gives itself, unique to it: its name qualified by its operation, then its fallback. With
    /// <see cref="NestedIn"/>, what every qualified name of a use is made of (see <see cref="UseTruth"/>, which scans
    /// them without listing them).
    /// </summary>
    public static IEnumerable<string> OwnQualifiedNames(NameCandidate use) => new[] { use.Qualified, use.Fallback }.OfType<string>();

    /// <summary>For a nested use, the type it is nested in and the member reaching it (<c>Profile</c>): its qualified names are its parent's followed by the member.</summary>
    public static (TypeInstance Parent, string Member)? NestedIn(NameCandidate use) =>
        use is { Rank: NameHint.NestedRank, Parent: { } parent, Member: { } member } ? (parent, Identifiers.Pascal(member)) : null;

    /// <summary>The folder most of the strongest uses belong to (a nested use: its parent's), first in ordinal order among equals.</summary>
    public static string FolderOf(IReadOnlyList<NameCandidate> uses)
    {
        var best = BestRank(uses);
        return uses.Where(c => c.Rank == best)
            .Select(c => c.Parent is { Folder.Length: > 0 } parent ? parent.Folder : c.Folder)
            .GroupBy(folder => folder)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault() ?? "Common";
    }

    /// <summary><c>User</c> + <c>Profile</c> is <c>UserProfile</c>; <c>Role</c> + <c>RoleScope</c> stays <c>RoleScope</c>.</summary>
    private static string Nested(string parent, string member) =>
        member.StartsWith(parent, StringComparison.Ordinal) ? member : parent + member;

    private static string Alternative(string union, string member)
    {
        var suffix = UseSuffixes.FirstOrDefault(s => union.EndsWith(s, StringComparison.Ordinal) && union.Length > s.Length);
        return suffix is null ? Nested(union, member) : union[..^suffix.Length] + member + suffix;
    }
}
