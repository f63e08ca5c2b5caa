namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// The names the committed record (<see cref="GeneratorInputs.Record"/>) keeps. A recorded name covers the uses it was
/// recorded with, while they are still there, and a new use only when the name is true to it: a new use it is not
/// true to is named by the rules, as a type of its own. Uses recorded under two names keep both (two types of one
/// shape), so a name does not move while what it stands for still exists.
/// </summary>
internal static class RecordedNames
{
    /// <summary>
    /// Groups the uses of each of <paramref name="types"/> by the recorded name that covers them. A recorded name goes to
    /// one type: the one sharing most uses with it.
    /// </summary>
    /// <param name="types">The types to name.</param>
    /// <param name="record">The names recorded.</param>
    /// <param name="chosen">The uses overrides name, by type: they come first, and take the uses recorded under their name.</param>
    /// <param name="free">Whether a name is free.</param>
    /// <param name="release">Called with a recorded name that is not true to its uses any more: the rules may give it to others.</param>
    /// <returns>Each type that some recorded name covers, with its groups, and the uses left for the rules.</returns>
    public static List<(TypeInstance Type, List<(string Name, List<NameCandidate> Uses)> Groups, List<NameCandidate> Left)> Group(
        IReadOnlyList<TypeInstance> types, NamesRecord record, IReadOnlyDictionary<TypeInstance, List<(string Name, List<NameCandidate> Uses)>> chosen,
        Func<string, bool> free, Action<string> release)
    {
        // The overrides' groups (copied: the caller's are left as they are), to which the record's are added.
        var groups = chosen.ToDictionary(g => g.Key, g => g.Value.Select(x => (x.Name, Uses: x.Uses.ToList())).ToList());
        var overridden = groups.Values.SelectMany(g => g.Select(x => x.Name)).ToHashSet(StringComparer.Ordinal);
        var given = new HashSet<string>(overridden, StringComparer.Ordinal);
        AddRecordedUses(groups, record);
        var offers = Offers(types, record);
        foreach (var offer in offers.OrderByDescending(o => o.Shared).ThenBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Principal, StringComparer.Ordinal))
        {
            if (given.Contains(offer.Name) || !free(offer.Name))
            {
                continue;
            }

            var typeGroups = groups.TryGetValue(offer.Type, out var known) ? known : [];
            var recorded = record.Names[offer.Name];
            var kept = offer.Type.Candidates
                .Where(use => recorded.Contains(use.UseKey) && !typeGroups.Any(g => g.Uses.Contains(use)) && UseTruth.FitsDirection(offer.Name, use))
                .ToList();
            var untrue = UseTruth.UntrueUses(offer.Name, offer.Type, kept).ToList();
            var covered = kept.Where(use => !untrue.Contains(use)).ToList();
            if (covered.Count > 0)
            {
                typeGroups.Add((offer.Name, covered));
                groups[offer.Type] = typeGroups;
                given.Add(offer.Name);
            }
            else if (kept.Count > 0)
            {
                release(offer.Name);
            }
        }

        return [.. groups.Select(g => (g.Key, g.Value, JoinNewUses(g.Key, g.Value, overridden.Contains)))];
    }

    /// <summary>An override's name also covers the uses the record keeps under it.</summary>
    private static void AddRecordedUses(Dictionary<TypeInstance, List<(string Name, List<NameCandidate> Uses)>> chosen, NamesRecord record)
    {
        foreach (var (type, typeGroups) in chosen)
        {
            foreach (var (name, uses) in typeGroups)
            {
                var recorded = record.Names.GetValueOrDefault(name);
                uses.AddRange(type.Candidates.Where(c => recorded?.Contains(c.UseKey) == true && !typeGroups.Any(g => g.Uses.Contains(c))).ToList());
            }
        }
    }

    /// <summary>Each recorded name sharing uses with one of <paramref name="types"/>, with how many it shares.</summary>
    private static List<(TypeInstance Type, string Name, int Shared, string Principal)> Offers(IReadOnlyList<TypeInstance> types, NamesRecord record)
    {
        var namesByUse = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, uses) in record.Names)
        {
            foreach (var use in uses)
            {
                (namesByUse.TryGetValue(use, out var list) ? list : namesByUse[use] = []).Add(name);
            }
        }

        var offers = new List<(TypeInstance Type, string Name, int Shared, string Principal)>();
        foreach (var type in types)
        {
            var shared = type.Candidates.Select(c => c.UseKey).Distinct()
                .SelectMany(use => namesByUse.GetValueOrDefault(use) ?? [])
                .GroupBy(name => name);
            offers.AddRange(shared.Select(g => (type, g.Key, g.Count(), NameRules.PrincipalUse(type.Candidates))));
        }

        return offers;
    }

    /// <summary>
    /// Adds each use no recorded name covers to the largest group whose name is true to it (a name a person chose is
    /// true to any use); returns the uses left.
    /// </summary>
    private static List<NameCandidate> JoinNewUses(TypeInstance type, List<(string Name, List<NameCandidate> Uses)> groups, Func<string, bool> chosen)
    {
        var rest = new List<NameCandidate>();
        foreach (var use in type.Candidates.Where(use => !groups.Any(g => g.Uses.Contains(use))))
        {
            var group = groups.Where(g => chosen(g.Name) || !UseTruth.UntrueUses(g.Name, type, [.. g.Uses, use]).Any())
                .OrderByDescending(g => g.Uses.Count).ThenBy(g => g.Name, StringComparer.Ordinal)
                .Select(g => g.Uses).FirstOrDefault();
            (group ?? rest).Add(use);
        }

        return rest;
    }
}
