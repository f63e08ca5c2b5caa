namespace LogtoGenerated.Generator.Model;

/// <summary>Walks the graph of types a use reaches: through lists and maps, object properties and union alternatives.</summary>
internal static class TypeGraph
{
    /// <summary>
    /// Walks <paramref name="use"/> through list items and map values to the model types it refers to. Each one is
    /// handed to <paramref name="enter"/>, which does the caller's work for it and returns whether to walk on into its
    /// properties (an object) or alternatives (a union), in their order. <paramref name="enter"/> decides what was
    /// seen before: it must return false for a type it has already walked into, or a recursive type never ends.
    /// </summary>
    /// <param name="use">Where the walk starts.</param>
    /// <param name="enter">The work done on each model type reached; true to walk into the type's members.</param>
    public static void Visit(TypeUse use, Func<ModelType, bool> enter)
    {
        switch (use.Type)
        {
            case ListRef list:
                Visit(list.Item, enter);
                break;
            case MapRef map:
                Visit(map.Value, enter);
                break;
            case ModelRef { Type: var type } when enter(type):
                foreach (var property in (type as ObjectType)?.Properties ?? [])
                {
                    Visit(property.Type, enter);
                }

                foreach (var alternative in (type as UnionType)?.Alternatives ?? [])
                {
                    Visit(alternative.Type, enter);
                }

                break;
        }
    }
}
