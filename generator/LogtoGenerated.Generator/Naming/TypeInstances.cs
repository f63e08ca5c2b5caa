using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Naming;

/// <summary>
/// The types being named, with those split off while naming. Parsing makes one type per shape; when no name is true to
/// every use of a shape (or the record keeps two names for uses that now share one), the uses are split among types of
/// the same shape, each with a name true to its uses. A type split off gets a use of each type nested in it, so the
/// nested types are named for each parent (<c>User.profile</c>, <c>UserWithRoles.profile</c>). Once every type is named,
/// <see cref="Retarget"/> points each reference of the document at the type its use belongs to.
/// </summary>
internal sealed class TypeInstances(IReadOnlyList<ModelType> types)
{
    private readonly List<ModelType> _all = [.. types];

    /// <summary>Every type, those split off after the type they were split from.</summary>
    public IReadOnlyList<ModelType> All => _all;

    /// <summary>
    /// Gives <paramref name="type"/> the first of <paramref name="groups"/>, and each other group (and <paramref name="rest"/>,
    /// the uses not named yet, if any) a new type of the same shape. Returns the new type holding <paramref name="rest"/>.
    /// </summary>
    /// <param name="type">The type whose uses are grouped.</param>
    /// <param name="groups">Names, each with the uses it covers; at least one.</param>
    /// <param name="rest">The uses no group covers, to be named later.</param>
    /// <param name="name">Gives a type its name.</param>
    public ModelType? Split(ModelType type, IReadOnlyList<(string Name, List<NameCandidate> Uses)> groups, IReadOnlyList<NameCandidate> rest, Action<ModelType, string> name)
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

    private ModelType SplitOff(ModelType type, IReadOnlyList<NameCandidate> uses)
    {
        var instance = type.NewInstance();
        instance.Candidates.AddRange(uses);
        _all.Add(instance);
        foreach (var nested in _all)
        {
            // Each type nested in the one split has a use in the new one too.
            var throughType = nested.Candidates.Where(c => ReferenceEquals(c.Parent, type)).ToList();
            nested.Candidates.AddRange(throughType.Select(c => c with { Parent = instance }));
        }

        return instance;
    }

    /// <summary>
    /// Points every reference (operation bodies, responses and parameters; properties; union alternatives) at the type
    /// holding its use. The references were made while parsing, so they all point at a type each shape started as.
    /// </summary>
    public void Retarget(ApiModel model)
    {
        var byOrigin = _all.GroupBy(t => t.Origin).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.ToList());
        if (byOrigin.Count == 0)
        {
            return;
        }

        var references = new References(byOrigin);
        foreach (var type in _all)
        {
            foreach (var property in (type as ObjectType)?.Properties ?? [])
            {
                property.Type = references.At(property.Type, type.Name + "." + property.WireName);
            }

            foreach (var alternative in (type as UnionType)?.Alternatives ?? [])
            {
                alternative.Type = references.At(alternative.Type, type.Name + "|" + alternative.Member);
            }
        }

        foreach (var node in model.Nodes())
        {
            references.RetargetNode(node);
        }
    }

    /// <summary>The types split from each origin, found by the use of a reference.</summary>
    private sealed class References(Dictionary<ModelType, List<ModelType>> byOrigin)
    {
        /// <summary><paramref name="use"/>, pointing at the type whose uses include <paramref name="key"/> (list items: <c>key[]</c>; map values: <c>key{}</c>).</summary>
        public TypeUse At(TypeUse use, string key) => use.Type switch
        {
            ModelRef { Type: var origin } when byOrigin.TryGetValue(origin, out var instances) =>
                use with { Type = new ModelRef(instances.FirstOrDefault(i => i.Candidates.Any(c => c.UseKey == key)) ?? origin) },
            ListRef list => use with { Type = new ListRef(At(list.Item, key + "[]")) },
            MapRef map => use with { Type = new MapRef(At(map.Value, key + "{}")) },
            _ => use,
        };

        /// <summary>Retargets a request builder's path parameters and its operations.</summary>
        public void RetargetNode(RequestBuilderNode node)
        {
            foreach (var (parameter, operation) in node.ParameterUses)
            {
                parameter.Type = At(parameter.Type, UsePrefix(operation) + " parameter " + parameter.WireName);
            }

            foreach (var parameter in node.SegmentParameters)
            {
                // One parameter for every operation below the segment: the type of the first use found.
                var uses = node.ParameterUses.Select(u => UsePrefix(u.Operation) + " parameter " + parameter.WireName);
                parameter.Type = uses.Select(use => At(parameter.Type, use)).FirstOrDefault(t => t != parameter.Type) ?? parameter.Type;
            }

            foreach (var operation in node.Operations)
            {
                RetargetOperation(operation);
            }
        }

        private void RetargetOperation(OperationModel operation)
        {
            var prefix = UsePrefix(operation);
            foreach (var parameter in operation.RequiredQuery.Concat(operation.OptionalQuery).Append(operation.SearchParams).OfType<ParameterModel>())
            {
                parameter.Type = At(parameter.Type, prefix + " parameter " + parameter.WireName);
            }

            if (operation.Body is { } body)
            {
                body.Type = At(body.Type, prefix + " request");
            }

            if (operation.Response.Type is { } response)
            {
                operation.Response = operation.Response with { Type = At(response, prefix + " response") };
            }

            if (operation.Paging is { } paging)
            {
                operation.Paging = paging with { Item = At(paging.Item, prefix + " response[]") };
            }
        }
    }

    /// <summary>How the uses of an operation start, as parsing words them: <c>GET /api/users</c>.</summary>
    private static string UsePrefix(OperationModel operation) => operation.HttpMethod.ToUpperInvariant() + " " + operation.PathTemplate;
}
