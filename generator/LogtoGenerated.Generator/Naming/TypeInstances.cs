using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// The types being named, with those split off while naming. Each shape of the document starts as one type; when no
/// name is true to every use of a shape (or the record keeps two names for uses that now share one), the uses are
/// split among types of the same shape, each with a name true to its uses. A type split off gets a use of each type
/// nested in it, so the nested types are named for each parent (<c>User.profile</c>, <c>UserWithRoles.profile</c>).
/// Once every type is named, <see cref="For"/> finds the type a reference of the document stands for, by its use.
/// </summary>
internal sealed class TypeInstances
{
    private readonly List<TypeInstance> _all;
    private readonly Dictionary<ModelType, List<TypeInstance>> _byShape;

    /// <summary>One type per shape, with the shape's uses.</summary>
    /// <param name="shapes">The shapes of the document, in order of first appearance.</param>
    public TypeInstances(IReadOnlyList<ModelType> shapes)
    {
        _all = [.. shapes.Select(shape => new TypeInstance(shape))];
        _byShape = _all.ToDictionary(type => type.Shape, type => new List<TypeInstance> { type });
        foreach (var type in _all)
        {
            type.Candidates.AddRange(type.Shape.Uses.Select(use => new NameCandidate(use, use.Parent is null ? null : _byShape[use.Parent][0])));
        }
    }

    /// <summary>Every type, those split off after the types of the shapes.</summary>
    public IReadOnlyList<TypeInstance> All => _all;

    /// <summary>
    /// Gives <paramref name="type"/> the first of <paramref name="groups"/>, and each other group (and <paramref name="rest"/>,
    /// the uses not named yet, if any) a new type of the same shape. Returns the new type holding <paramref name="rest"/>.
    /// </summary>
    /// <param name="type">The type whose uses are grouped.</param>
    /// <param name="groups">Names, each with the uses it covers; at least one.</param>
    /// <param name="rest">The uses no group covers, to be named later.</param>
    /// <param name="name">Gives a type its name.</param>
    public TypeInstance? Split(TypeInstance type, IReadOnlyList<(string Name, List<NameCandidate> Uses)> groups, IReadOnlyList<NameCandidate> rest, Action<TypeInstance, string> name)
    {
        type.Candidates.Clear();
        type.Candidates.AddRange(groups[0].Uses);
        name(type, groups[0].Name);
        foreach (var (groupName, uses) in groups.Skip(1))
        {
            name(SplitOff(type, uses), groupName);
        }

        return rest.Count == 0 ? null : SplitOff(type, rest);
    }

    private TypeInstance SplitOff(TypeInstance type, IReadOnlyList<NameCandidate> uses)
    {
        var instance = new TypeInstance(type.Shape);
        instance.Candidates.AddRange(uses);
        _all.Add(instance);
        _byShape[type.Shape].Add(instance);
        foreach (var nested in _all)
        {
            // Each type nested in the one split has a use in the new one too.
            var throughType = nested.Candidates.Where(c => ReferenceEquals(c.Parent, type)).ToList();
            nested.Candidates.AddRange(throughType.Select(c => c with { Parent = instance }));
        }

        return instance;
    }

    /// <summary>
    /// The type of <paramref name="shape"/> that a reference stands for: the first whose uses include one of
    /// <paramref name="uses"/> other than the type the shape started as, else that one.
    /// </summary>
    /// <param name="shape">The shape the document refers to.</param>
    /// <param name="uses">The use keys of the reference, in order of preference (one for most references).</param>
    public TypeInstance For(ModelType shape, IEnumerable<string> uses)
    {
        if (!_byShape.TryGetValue(shape, out var instances))
        {
            throw new GeneratorException(shape.Pointer, "this schema is referred to, but is not one of the document's shapes (a use of it was dropped while parsing).");
        }

        if (instances.Count > 1)
        {
            foreach (var use in uses)
            {
                if (instances.Skip(1).FirstOrDefault(i => i.Candidates.Any(c => c.UseKey == use)) is { } split
                    && !instances[0].Candidates.Any(c => c.UseKey == use))
                {
                    return split;
                }
            }
        }

        return instances[0];
    }
}
