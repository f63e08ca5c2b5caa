using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>One operation of the client: the generator's model of it and the request builders that lead to it.</summary>
/// <param name="Model">The operation as the generator models it (of the corrected document).</param>
/// <param name="Builders">The request builders from the client down to the one holding the operation (the client's own node excluded).</param>
internal sealed record LiveOperation(OperationSpec Model, IReadOnlyList<BuilderSpec> Builders)
{
    /// <summary><c>GET /api/users/{userId}</c></summary>
    public string Display => $"{Model.HttpMethod.ToUpperInvariant()} {Model.PathTemplate}";

    public bool IsGet => Model.HttpMethod == "Get";

    /// <summary>Every operation of the client, in path order.</summary>
    public static IReadOnlyList<LiveOperation> All { get; } = Collect();

    public override string ToString() => Display;

    private static List<LiveOperation> Collect() => LogtoDocument.Instance.Spec.OperationPaths()
        .Select(o => new LiveOperation(o.Operation, o.Builders))
        .OrderBy(o => o.Model.PathTemplate, StringComparer.Ordinal).ThenBy(o => o.Model.HttpMethod, StringComparer.Ordinal)
        .ToList();
}
