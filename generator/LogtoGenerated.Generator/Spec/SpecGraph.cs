namespace LogtoGenerated.Generator.Spec;

/// <summary>Walks the graph of model types a value reaches: through lists and maps, object properties and union alternatives.</summary>
internal static class SpecGraph
{
    /// <summary>
    /// Walks <paramref name="value"/> through list items and map values to the model types it refers to. Each one is
    /// handed to <paramref name="enter"/>, which does the caller's work for it and returns whether to walk on into its
    /// properties (an object) or alternatives (a union), in their order; it returns false for a type already walked.
    /// </summary>
    /// <param name="value">Where the walk starts.</param>
    /// <param name="enter">The work done on each model type reached; true to walk into the type's members.</param>
    public static void Visit(ValueSpec value, Func<TypeSpec, bool> enter)
    {
        switch (value.Type)
        {
            case ListShape list:
                Visit(list.Item, enter);
                break;
            case MapShape map:
                Visit(map.Value, enter);
                break;
            case NamedShape { Type: var type } when enter(type):
                var members = type switch
                {
                    ObjectSpec o => o.Properties.Select(p => p.Type),
                    UnionSpec u => u.Alternatives.Select(a => a.Type),
                    _ => [],
                };
                foreach (var member in members)
                {
                    Visit(member, enter);
                }

                break;
        }
    }
}
