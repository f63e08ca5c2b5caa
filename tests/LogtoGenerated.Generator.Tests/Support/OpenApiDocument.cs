using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>
/// Builds a small OpenAPI 3.0 document from fragments: operations with their response, body and
/// parameters (JSON strings), and component schemas. Path parameters named in the path template
/// are declared as strings unless the operation declares them itself.
/// </summary>
internal sealed partial class OpenApiDocument
{
    private readonly JsonObject _paths = [];
    private readonly JsonObject _schemas = [];

    /// <summary>The document's <c>info.version</c>.</summary>
    public string Version { get; init; } = "1.0.0";

    public OpenApiDocument Get(string path, string operationId, string? response = null, string? parameters = null) =>
        Operation("get", path, operationId, response: response, parameters: parameters);

    public OpenApiDocument Post(string path, string operationId, string? body = null, string? response = null, string? parameters = null) =>
        Operation("post", path, operationId, body: body, response: response, parameters: parameters);

    public OpenApiDocument Put(string path, string operationId, string? body = null, string? response = null, string? parameters = null) =>
        Operation("put", path, operationId, body: body, response: response, parameters: parameters);

    public OpenApiDocument Patch(string path, string operationId, string? body = null, string? response = null, string? parameters = null) =>
        Operation("patch", path, operationId, body: body, response: response, parameters: parameters);

    /// <param name="response">The schema of the 200 response; none when null (a 204).</param>
    /// <param name="responseMediaType">The media type of the 200 response.</param>
    /// <param name="body">The request body schema.</param>
    /// <param name="parameters">A JSON array of parameter objects.</param>
    /// <param name="declarePathParameters">False to leave the template's path parameters undeclared.</param>
    /// <param name="bodyRequired">The request body's <c>required</c>.</param>
    /// <param name="deprecated">The operation's <c>deprecated</c>.</param>
    public OpenApiDocument Operation(
        string method,
        string path,
        string? operationId,
        string? response = null,
        string? body = null,
        string responseMediaType = "application/json",
        string bodyMediaType = "application/json",
        string? parameters = null,
        bool declarePathParameters = true,
        bool bodyRequired = true,
        bool deprecated = false)
    {
        var operation = new JsonObject();
        if (operationId is not null)
        {
            operation["operationId"] = operationId;
        }

        var declared = parameters is null ? [] : JsonNode.Parse(parameters)!.AsArray();
        if (declarePathParameters)
        {
            foreach (Match match in PathParameter().Matches(path))
            {
                var name = match.Groups[1].Value;
                if (!declared.Any(p => (string?)p!["name"] == name && (string?)p["in"] == "path"))
                {
                    declared.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
                }
            }
        }

        if (declared.Count > 0)
        {
            operation["parameters"] = declared;
        }

        if (body is not null)
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = bodyRequired,
                ["content"] = new JsonObject { [bodyMediaType] = new JsonObject { ["schema"] = JsonNode.Parse(body) } },
            };
        }

        if (deprecated)
        {
            operation["deprecated"] = true;
        }

        operation["responses"] = response is null
            ? new JsonObject { ["204"] = new JsonObject { ["description"] = "No content." } }
            : new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK.",
                    ["content"] = new JsonObject { [responseMediaType] = new JsonObject { ["schema"] = JsonNode.Parse(response) } },
                },
            };

        var item = _paths[path] as JsonObject ?? [];
        _paths[path] = item;
        item[method] = operation;
        return this;
    }

    /// <summary>Adds <c>#/components/schemas/{name}</c>.</summary>
    public OpenApiDocument Schema(string name, string schema)
    {
        _schemas[name] = JsonNode.Parse(schema);
        return this;
    }

    public string ToJson()
    {
        var document = new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = new JsonObject { ["title"] = "Test API", ["version"] = Version },
            ["paths"] = _paths.DeepClone(),
        };
        if (_schemas.Count > 0)
        {
            document["components"] = new JsonObject { ["schemas"] = _schemas.DeepClone() };
        }

        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public ApiSpec BuildSpec(GeneratorInputs? naming = null) => GeneratorRun.BuildSpec(ToJson(), naming);

    public SortedDictionary<string, string> Generate() => GeneratorRun.Generate(ToJson());

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PathParameter();
}

/// <summary>Runs the generator on a document given as text or as a file under <c>Documents/</c>.</summary>
internal static class GeneratorRun
{
    public static GeneratorOptions Options { get; } = new();

    public static ApiSpec BuildSpec(string json, GeneratorInputs? naming = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CodeGenerator.BuildSpec(stream, Options, naming);
    }

    public static SortedDictionary<string, string> Generate(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return CodeGenerator.Generate(stream, Options);
    }

    /// <summary>The text of <c>Documents/{name}</c>, copied next to the test assembly.</summary>
    /// <summary>Runs the generator's command line in process: its exit code and what it wrote to standard output and error.</summary>
    public static (int ExitCode, string Output, string Error) Cli(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = GeneratorCli.Run(args, output, error, name => environment?.GetValueOrDefault(name));
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string Document(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Documents", name));

    /// <summary>The exception the generator throws for <paramref name="json"/>.</summary>
    public static GeneratorException Fails(string json) => Assert.Throws<GeneratorException>(() => BuildSpec(json));
}
