using System.Text.Json.Nodes;
using LogtoGenerated.ContractTests.Server;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.ContractTests.Contract;

/// <summary>One operation of the document: the generator's view of it and the document's own text.</summary>
/// <param name="Model">The operation as the generator models it (method, parameters, body, response).</param>
/// <param name="Builders">The request builders from the client down to the one holding the operation (the client's own node excluded).</param>
/// <param name="Definition">The operation object of the document (<c>paths[template][method]</c>).</param>
/// <param name="PathItem">The path item object of the document, whose parameters apply to the operation too.</param>
internal sealed record ContractOperation(OperationSpec Model, IReadOnlyList<BuilderSpec> Builders, JsonObject Definition, JsonObject PathItem)
{
    public string OperationId => Model.OperationId;

    /// <summary><c>GET /api/users/{userId}</c></summary>
    public string Display => $"{Model.HttpMethod.ToUpperInvariant()} {Model.PathTemplate}";

    public override string ToString() => $"{OperationId} ({Display})";
}

/// <summary>
/// The operations of the vendored document, read through the generator's surface spec (the same spec the client is
/// generated from), each paired with its definition in the document. Nothing here is a hand-kept list: an operation
/// added to the document is in the catalog on the next run.
/// </summary>
internal sealed class OperationCatalog
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly Lazy<OperationCatalog> LazyInstance = new(() => new OperationCatalog(LogtoDocument.Instance));

    private OperationCatalog(LogtoDocument document)
    {
        DocumentPath = document.Path;
        Document = document.Corrected;
        Schemas = new SchemaInstances(Document);
        var spec = document.Spec;

        var paths = Document["paths"]!.AsObject();
        var operations = new List<ContractOperation>();
        foreach (var (operation, builders) in spec.OperationPaths())
        {
            var pathItem = paths[operation.PathTemplate] as JsonObject
                ?? throw new InvalidOperationException($"The surface spec has {operation.PathTemplate}, which the document's paths lack.");
            var definition = pathItem[operation.HttpMethod.ToLowerInvariant()] as JsonObject
                ?? throw new InvalidOperationException($"The document has no {operation.HttpMethod} {operation.PathTemplate}.");
            operations.Add(new ContractOperation(operation, builders, definition, pathItem));
        }

        Operations = operations.OrderBy(o => o.OperationId, StringComparer.Ordinal).ToList();
        DocumentOperationCount = paths.Sum(p => p.Value!.AsObject().Count(m => HttpMethods.Contains(m.Key)));
    }

    /// <summary>The catalog of the document in <c>openapi/</c>, read once.</summary>
    public static OperationCatalog Instance => LazyInstance.Value;

    /// <summary>The vendored document, as Logto serves it.</summary>
    public string DocumentPath { get; }

    /// <summary>The document with <c>openapi/corrections.json</c> applied, as the client is generated from it.</summary>
    public JsonObject Document { get; }

    public SchemaInstances Schemas { get; }

    /// <summary>Every operation, ordered by operationId.</summary>
    public IReadOnlyList<ContractOperation> Operations { get; }

    /// <summary>The number of operations in the document's <c>paths</c>, counted from the JSON itself.</summary>
    public int DocumentOperationCount { get; }

    public ContractOperation this[string operationId] =>
        Operations.FirstOrDefault(o => o.OperationId == operationId)
        ?? throw new KeyNotFoundException($"The document has no operation '{operationId}'.");

    /// <summary>The operation's parameters (path item's included, the operation's winning), references resolved.</summary>
    public IReadOnlyList<JsonObject> Parameters(ContractOperation operation)
    {
        var parameters = new List<JsonObject>();
        foreach (var source in new[] { operation.Definition["parameters"], operation.PathItem["parameters"] })
        {
            foreach (var parameter in (source as JsonArray ?? []).Select(p => Schemas.Resolve(p!)))
            {
                if (!parameters.Any(p => (string?)p["name"] == (string?)parameter["name"] && (string?)p["in"] == (string?)parameter["in"]))
                {
                    parameters.Add(parameter);
                }
            }
        }

        return parameters;
    }

    /// <summary>The schema of the parameter <paramref name="name"/> in <paramref name="location"/>.</summary>
    public JsonNode ParameterSchema(ContractOperation operation, string location, string name) =>
        Parameters(operation).FirstOrDefault(p => (string?)p["name"] == name && (string?)p["in"] == location)?["schema"]
        ?? throw new InvalidOperationException($"{operation} declares no {location} parameter '{name}' with a schema.");

    /// <summary>The request body's schema for the media type the generated method sends.</summary>
    public JsonNode BodySchema(ContractOperation operation, string mediaType)
    {
        var content = operation.Definition["requestBody"]?["content"] as JsonObject
            ?? throw new InvalidOperationException($"{operation} has no request body in the document.");
        return content[mediaType]?["schema"]
            ?? throw new InvalidOperationException($"{operation} has no {mediaType} request body schema; it has {string.Join(", ", content.Select(c => c.Key))}.");
    }
}
