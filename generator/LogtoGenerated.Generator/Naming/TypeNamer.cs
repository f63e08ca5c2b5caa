using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// Gives every model type one name, true to each of its uses. In order of precedence:
/// <list type="number">
/// <item>an override (<see cref="GeneratorInputs.Overrides"/>) for one of the type's uses: a person chose the name;</item>
/// <item>the names the committed record (<see cref="GeneratorInputs.Record"/>) gave these uses, so a name does not move
/// while what it stands for still exists (<see cref="RecordedNames"/>);</item>
/// <item>the rules (<see cref="NameRules"/>): the names the uses suggest, stronger uses first (a component name over an
/// operation's resource over a request body over a property), then the name most uses agree on; only names that are
/// true to every use (<see cref="UseTruth"/>); when none is, a name every use shares (<c>Branding</c> for the
/// <c>branding</c> of several types). When the preferred name is held by another shape, the type is named by what tells
/// it apart (<c>RoleWithScopes</c>) or by its own use (<c>RoleListItem</c>); never by a number.</item>
/// </list>
/// Uses no single true name covers are split among types of the same shape, each named truly
/// (<see cref="TypeInstances"/>). Parents are named before the types nested in them, so nested names (and nested uses,
/// <c>User.profile</c>) build on their parent's final name. Nothing depends on the order of the document: ties go to the
/// ordinal order of uses.
/// </summary>
internal sealed class TypeNamer
{
    /// <summary>Names that say nothing alone; a name every use shares must be more than one of these.</summary>
    private static readonly HashSet<string> EmptyNames = new(StringComparer.Ordinal)
    {
        "Request", "Response", "Result", "Item", "ListItem", "Value", "Object", "Type", "Id", "Data", "List", "Name", "Config", "Info",
    };

    private readonly GeneratorInputs _inputs;
    private readonly TypeInstances _types;
    private readonly Dictionary<string, TypeInstance> _taken = new(StringComparer.Ordinal);

    /// <summary>Names overrides and the record keep for types not named yet, and names every C# file already sees: no rule takes them.</summary>
    private readonly HashSet<string> _reserved;
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);

    /// <summary>The names overrides gave.</summary>
    private readonly HashSet<string> _overridden = new(StringComparer.Ordinal);

    private TypeNamer(ApiModel model, GeneratorInputs inputs)
    {
        _inputs = inputs;
        _types = new TypeInstances(model.Types);
        _reserved = new HashSet<string>(inputs.Record.Names.Keys.Concat(inputs.Overrides.Values), StringComparer.Ordinal);
        _reserved.UnionWith(SystemTypeNames.All);
    }

    /// <summary>Names a type for every shape of <paramref name="model"/>, and the types split off; the model is left as it was.</summary>
    public static TypeInstances NameAll(ApiModel model, GeneratorInputs inputs)
    {
        var namer = new TypeNamer(model, inputs);
        namer.NameInOrder();
        namer.CheckOverridesApplied();
        return namer._types;
    }

    private void NameInOrder()
    {
        var pending = _types.All.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => t.Candidates.All(c => c.Parent is null || c.Parent.Name.Length > 0)).ToList();
            if (ready.Count == 0)
            {
                throw new GeneratorException(pending[0].Pointer, "the types of these schemas are nested in each other, so none can be named first.");
            }

            foreach (var type in ready)
            {
                type.Candidates.Sort(NameRules.CompareUses);
            }

            var chosen = OverrideGroups(ready);
            foreach (var (type, groups, rest) in RecordedNames.Group(ready, _inputs.Record, chosen, name => !_taken.ContainsKey(name), name => _reserved.Remove(name)))
            {
                _types.Split(type, groups, rest, Name);
            }

            // Stronger uses first, then more of them, then stronger other uses, then uses of a whole value before uses as list items (the entity of
            // GET /roles/{id} is Role before the items of GET /roles), then ordinal order of the principal use.
            var unnamed = ready.Where(t => t.Name.Length == 0).Select(t => (Type: t, Best: NameRules.BestRank(t.Candidates))).ToList();
            foreach (var (type, _) in unnamed.OrderBy(t => t.Best)
                .ThenByDescending(t => t.Type.Candidates.Count(c => c.Rank == t.Best))
                .ThenBy(t => t.Type.Candidates.Select(c => c.Rank).Where(r => r > t.Best).DefaultIfEmpty(int.MaxValue).Min())
                .ThenBy(t => t.Type.Candidates.Count(c => c.Rank == t.Best && c.Use.EndsWith("[]", StringComparison.Ordinal)))
                .ThenBy(t => NameRules.PrincipalUse(t.Type.Candidates), StringComparer.Ordinal))
            {
                Assign(type);
            }

            pending = _types.All.Where(t => t.Name.Length == 0).ToList();
        }
    }

    private void CheckOverridesApplied()
    {
        if (_inputs.RequireAllOverrides && _inputs.Overrides.Keys.FirstOrDefault(use => !_applied.Contains(use)) is { } stale)
        {
            throw new GeneratorException(_inputs.OverridesPath + "#/types/" + GeneratorException.Escape(stale),
                $"the override names '{_inputs.Overrides[stale]}' the type used as '{stale}', but no type has that use any more. "
                + "Remove the entry, or key it by a use the type still has ('names --document ...' lists every type's uses).");
        }
    }

    /// <summary>
    /// The uses the overrides name, grouped by type and name: an override names the type its use falls into (with the
    /// uses the record keeps under that name, and new uses no recorded name covers), not every use of the shape.
    /// </summary>
    private Dictionary<TypeInstance, List<(string Name, List<NameCandidate> Uses)>> OverrideGroups(IReadOnlyList<TypeInstance> types)
    {
        var chosen = new Dictionary<TypeInstance, List<(string Name, List<NameCandidate> Uses)>>();
        var holders = new Dictionary<string, NameCandidate>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            foreach (var uses in type.Candidates.Where(c => _inputs.Overrides.ContainsKey(c.UseKey)).GroupBy(c => _inputs.Overrides[c.UseKey]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var name = uses.Key;
                var holder = _taken.TryGetValue(name, out var named) ? named.Candidates[0] : holders.GetValueOrDefault(name);
                if (holder is not null)
                {
                    throw new GeneratorException(
                        _inputs.OverridesPath + "#/types/" + GeneratorException.Escape(uses.First().UseKey),
                        $"the override names this type '{name}', but another type already has that name (the type used as '{holder.UseKey}'). Choose another name.");
                }

                holders.Add(name, uses.First());
                _applied.UnionWith(uses.Select(c => c.UseKey));
                _overridden.Add(name);
                (chosen.TryGetValue(type, out var list) ? list : chosen[type] = []).Add((name, uses.ToList()));
            }
        }

        return chosen;
    }

    private void Name(TypeInstance type, string name)
    {
        type.Name = name;
        type.NamedByOverride = _overridden.Contains(name);
        type.Folder = NameRules.FolderOf(type.Candidates);
        _taken.Add(name, type);
    }

    private bool Free(string name) => !_taken.ContainsKey(name) && !_reserved.Contains(name);

    /// <summary>Names the type by the rules, or, when no name is true to all its uses, splits them among types named truly.</summary>
    private void Assign(TypeInstance type)
    {
        if (NameTrueToAll(type, type.Candidates) is { } name)
        {
            Name(type, name);
            return;
        }

        // Requests and responses first go apart (a name ending in Request or Response is true to one of them only), then
        // each side is split further only where no name is true to all of it.
        var groups = new List<(string Name, List<NameCandidate> Uses)>();
        foreach (var side in type.Candidates.GroupBy(UseTruth.DirectionOf).OrderBy(g => g.Min(c => c.Rank)).ThenBy(g => g.Key))
        {
            var rest = side.ToList();
            while (rest.Count > 0)
            {
                var group = TrueGroup(type, rest, groups);
                groups.Add(group);
                rest.RemoveAll(group.Uses.Contains);
            }
        }

        _types.Split(type, groups, [], Name);
    }

    /// <summary>The best free name true to every one of <paramref name="uses"/>, or null when there is none.</summary>
    private string? NameTrueToAll(TypeInstance type, IReadOnlyList<NameCandidate> uses)
    {
        var preferred = NameRules.PreferredNames(uses).Distinct(StringComparer.Ordinal).ToList();
        if (preferred.Count == 0)
        {
            throw new GeneratorException(type.Pointer, "no use of this schema suggests a name for its type.");
        }

        var shared = UseTruth.SharedNames(type, uses).ToList();
        bool True(string name) => !UseTruth.UntrueUses(name, type, uses, shared).Any();
        var holder = _taken.GetValueOrDefault(preferred[0]);
        return preferred.Where(True).FirstOrDefault(Free)
            ?? (holder is null ? null : NameRules.DistinguishedName(type, preferred[0], holder, Free) is { } distinguished && True(distinguished) ? distinguished : null)
            ?? shared.FirstOrDefault(n => Free(n) && !EmptyNames.Contains(n) && True(n))
            ?? NameRules.FallbackNames(uses).Where(True).FirstOrDefault(Free);
    }

    /// <summary>
    /// Of <paramref name="rest"/>, the uses the best free name is true to, with that name: the name true to them all when
    /// there is one, else the first suggested name true to some. When none is, what is left keeps the best free name of
    /// its strongest use: <c>names</c> flags it, and an override fixes it.
    /// </summary>
    private (string Name, List<NameCandidate> Uses) TrueGroup(TypeInstance type, List<NameCandidate> rest, List<(string Name, List<NameCandidate> Uses)> groups)
    {
        bool Unused(string name) => Free(name) && !groups.Any(g => g.Name == name);
        if (NameTrueToAll(type, rest) is { } all && Unused(all))
        {
            return (all, [.. rest]);
        }

        var names = NameRules.PreferredNames(rest).Concat(NameRules.FallbackNames(rest)).Distinct(StringComparer.Ordinal).Where(Unused);
        foreach (var name in names)
        {
            var covered = rest.Where(use => UseTruth.IsTrueTo(name, type, use)).ToList();
            if (covered.Count > 0)
            {
                return (name, covered);
            }
        }

        return (names.FirstOrDefault() ?? throw new GeneratorException(type.Pointer,
            $"no unique name for the type used as '{string.Join("', '", rest.Select(u => u.UseKey).Distinct())}': every name these uses suggest is taken by other shapes. Name it in {GeneratorInputs.OverridesFileName}."), [.. rest]);
    }
}
