using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Comparing;

/// <summary>Renamed types, found through what uses them, and where each type is used.</summary>
internal sealed partial class ApiComparer
{
    /// <summary>
    /// Pairs types whose name changed, following matched operations and then the members of every pair found,
    /// until no new pair turns up. A pair is a rename when the old name is gone, the new name is new, and both
    /// are the same kind of type.
    /// </summary>
    private void FindRenames(ApiSpec oldSpec, List<(OperationEntry Old, OperationEntry New)> matched)
    {
        foreach (var (o, n) in matched)
        {
            LinkOperation(o, n);
        }

        foreach (var type in oldSpec.Types.Where(t => _newTypes.ContainsKey(t.Name)))
        {
            Enqueue(type, _newTypes[type.Name]);
        }

        while (_pairs.TryDequeue(out var pair))
        {
            switch (pair)
            {
                case (ObjectSpec o, ObjectSpec n):
                    foreach (var (before, after) in MatchProperties(o, n).Pairs)
                    {
                        Link(before.Type, after.Type, $"the property `{n.Name}.{after.Name}`");
                    }

                    break;
                case (UnionSpec o, UnionSpec n):
                    foreach (var before in o.Alternatives)
                    {
                        Link(before.Type, n.Alternatives.FirstOrDefault(a => a.Name == before.Name)?.Type, $"the alternative `{n.Name}.{before.Name}`");
                    }

                    break;
            }
        }
    }

    /// <summary>Links the types of a matched operation's body, response, query and path parameters.</summary>
    private void LinkOperation(OperationEntry o, OperationEntry n)
    {
        var id = $"`{n.Operation.OperationId}`";
        Link(o.Operation.Body?.Type, n.Operation.Body?.Type, $"the request body of {id}");
        Link(o.Operation.Response.Type, n.Operation.Response.Type, $"the response of {id}");
        foreach (var parameter in o.Operation.RequiredQuery.Concat(o.Operation.OptionalQuery))
        {
            var after = n.Operation.RequiredQuery.Concat(n.Operation.OptionalQuery).FirstOrDefault(p => p.WireName == parameter.WireName);
            Link(parameter.Type, after?.Type, $"the query parameter `{parameter.WireName}` of {id}");
        }

        for (var i = 0; i < o.Path.Count; i++)
        {
            foreach (var (before, after) in o.Path[i].Node.SegmentParameters.Zip(n.Path[i].Node.SegmentParameters))
            {
                Link(before.Type, after.Type, $"the path parameter `{after.WireName}` of {id}");
            }
        }
    }

    /// <summary>Queues a pair of types to compare the members of, once.</summary>
    private void Enqueue(TypeSpec o, TypeSpec n)
    {
        if (_seenPairs.Add((o.Name, n.Name)))
        {
            _pairs.Enqueue((o, n));
        }
    }

    /// <summary>
    /// Pairs the types two uses in the same place refer to: the same name is the same type; an old name gone and a new
    /// name new, of the same kind, is a rename found at <paramref name="origin"/>.
    /// </summary>
    private void Link(ValueSpec? o, ValueSpec? n, string origin)
    {
        switch (o?.Type, n?.Type)
        {
            case (ListShape a, ListShape b):
                Link(a.Item, b.Item, origin);
                break;
            case (MapShape a, MapShape b):
                Link(a.Value, b.Value, origin);
                break;
            case (NamedShape a, NamedShape b) when a.Type.Name == b.Type.Name:
                Enqueue(a.Type, b.Type);
                break;
            case (NamedShape a, NamedShape b)
                when !_newTypes.ContainsKey(a.Type.Name) && !_oldTypes.ContainsKey(b.Type.Name)
                    && !_renames.ContainsKey(a.Type.Name) && !_renamedFrom.ContainsKey(b.Type.Name)
                    && a.Type.GetType() == b.Type.GetType():
                _renames[a.Type.Name] = b.Type.Name;
                _renamedFrom[b.Type.Name] = a.Type.Name;
                _renameOrigins[a.Type.Name] = origin;
                Enqueue(a.Type, b.Type);
                break;
        }
    }

    /// <summary>Marks every type reachable from a request (bodies, parameters) or a response.</summary>
    private void MarkUsage(Dictionary<string, OperationEntry> operations)
    {
        foreach (var entry in operations.Values)
        {
            foreach (var parameter in entry.Path.SelectMany(p => p.Node.SegmentParameters).Concat(entry.Operation.RequiredQuery).Concat(entry.Operation.OptionalQuery))
            {
                Mark(parameter.Type, Usage.Request);
            }

            if (entry.Operation.Body is { } body)
            {
                Mark(body.Type, Usage.Request);
            }

            if (entry.Operation.Response.Type is { } response)
            {
                Mark(response, Usage.Response);
            }
        }

        void Mark(ValueSpec use, Usage usage) => SpecGraph.Visit(use, type =>
        {
            var marked = _usage.GetValueOrDefault(type);
            if ((marked & usage) != 0)
            {
                return false;
            }

            _usage[type] = marked | usage;
            return true;
        });
    }

    private Usage UsageOf(TypeSpec type) => _usage.GetValueOrDefault(type);

    private static string UsageText(Usage usage) => usage switch
    {
        Usage.Request => "in requests",
        Usage.Response => "in responses",
        _ => "in requests and responses",
    };
}
