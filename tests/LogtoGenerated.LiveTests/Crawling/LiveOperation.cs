using LogtoGenerated.Generator.Model;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>One operation of the client: the generator's model of it and the request builders that lead to it.</summary>
/// <param name="Model">The operation as the generator models it (of the corrected document).</param>
/// <param name="Builders">The request builders from the client down to the one holding the operation (the client's own node excluded).</param>
internal sealed record LiveOperation(OperationModel Model, IReadOnlyList<RequestBuilderNode> Builders)
{
    /// <summary><c>GET /api/users/{userId}</c></summary>
    public string Display => $"{Model.HttpMethod.ToUpperInvariant()} {Model.PathTemplate}";

    public bool IsGet => Model.HttpMethod == "Get";

    /// <summary>Every operation of the client, in path order.</summary>
    public static IReadOnlyList<LiveOperation> All { get; } = Collect();

    public override string ToString() => Display;

    private static List<LiveOperation> Collect()
    {
        var operations = new List<LiveOperation>();
        Visit(LogtoDocument.Instance.Model.Root, []);
        return operations.OrderBy(o => o.Model.PathTemplate, StringComparer.Ordinal).ThenBy(o => o.Model.HttpMethod, StringComparer.Ordinal).ToList();

        void Visit(RequestBuilderNode node, List<RequestBuilderNode> builders)
        {
            operations.AddRange(node.Operations.Select(o => new LiveOperation(o, builders.ToList())));
            foreach (var child in node.Children.Values)
            {
                builders.Add(child);
                Visit(child, builders);
                builders.RemoveAt(builders.Count - 1);
            }
        }
    }
}
