using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>Finds things in a built <see cref="ApiModel"/> and in generated files.</summary>
internal static class ModelQueries
{
    public static OperationModel Operation(this ApiModel model, string operationId) =>
        Assert.Single(model.Operations(), o => o.OperationId == operationId);

    public static ModelType Type(this ApiModel model, string name) => Assert.Single(model.Types, t => t.Name == name);

    public static T Type<T>(this ApiModel model, string name) where T : ModelType => Assert.IsType<T>(model.Type(name));

    public static PropertyModel Property(this ObjectType type, string wireName) => Assert.Single(type.Properties, p => p.WireName == wireName);

    /// <summary>The model type a use refers to, looking through lists and maps.</summary>
    public static ModelType ModelOf(this TypeUse? use) => use?.Type switch
    {
        ModelRef m => m.Type,
        ListRef l => l.Item.ModelOf(),
        MapRef m => m.Value.ModelOf(),
        _ => throw new Xunit.Sdk.XunitException($"Expected a model type, got {use?.Type.ToString() ?? "nothing"}."),
    };

    public static ModelType ResponseType(this ApiModel model, string operationId) => model.Operation(operationId).Response.Type.ModelOf();

    public static ModelType BodyType(this ApiModel model, string operationId) => model.Operation(operationId).Body?.Type.ModelOf()
        ?? throw new Xunit.Sdk.XunitException(operationId + " has no body.");

    /// <summary>The node reached by following <paramref name="segments"/> from the root ("{}" for a parameter segment).</summary>
    public static RequestBuilderNode Node(this ApiModel model, params string[] segments)
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
