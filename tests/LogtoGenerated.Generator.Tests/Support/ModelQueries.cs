using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>Finds things in a built <see cref="ApiSpec"/> and in generated files.</summary>
internal static class ModelQueries
{
    public static OperationSpec Operation(this ApiSpec model, string operationId) =>
        Assert.Single(model.Operations(), o => o.OperationId == operationId);

    public static TypeSpec Type(this ApiSpec model, string name) => Assert.Single(model.Types, t => t.Name == name);

    public static T Type<T>(this ApiSpec model, string name) where T : TypeSpec => Assert.IsType<T>(model.Type(name));

    public static PropertySpec Property(this ObjectSpec type, string wireName) => Assert.Single(type.Properties, p => p.WireName == wireName);

    /// <summary>The model type a use refers to, looking through lists and maps.</summary>
    public static TypeSpec ModelOf(this ValueSpec? use) => use?.Type switch
    {
        NamedShape m => m.Type,
        ListShape l => l.Item.ModelOf(),
        MapShape m => m.Value.ModelOf(),
        _ => throw new Xunit.Sdk.XunitException($"Expected a model type, got {use?.Type.ToString() ?? "nothing"}."),
    };

    public static TypeSpec ResponseType(this ApiSpec model, string operationId) => model.Operation(operationId).Response.Type.ModelOf();

    public static TypeSpec BodyType(this ApiSpec model, string operationId) => model.Operation(operationId).Body?.Type.ModelOf()
        ?? throw new Xunit.Sdk.XunitException(operationId + " has no body.");

    /// <summary>The node reached by following <paramref name="segments"/> from the root ("{}" for a parameter segment).</summary>
    public static BuilderSpec Node(this ApiSpec model, params string[] segments)
    {
        var node = model.Root;
        foreach (var segment in segments)
        {
            Assert.True(node.Children.TryGetValue(segment, out var child), $"'{node.PathTemplate}' has no child '{segment}'; it has: {string.Join(", ", node.Children.Keys)}.");
            node = child!;
        }

        return node;
    }

    /// <summary>The generated model file of a type, found by name wherever its folder is.</summary>
    public static string ModelFile(this SortedDictionary<string, string> files, string typeName) =>
        Assert.Single(files, f => f.Key.StartsWith("Models/", StringComparison.Ordinal) && f.Key.EndsWith("/" + typeName + ".cs", StringComparison.Ordinal)).Value;
}
