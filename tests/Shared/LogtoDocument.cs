using System.Text.Json.Nodes;
using LogtoGenerated.Generator;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.TestShared;

/// <summary>
/// Logto's document in <c>openapi/</c> as the client is generated from it: with the corrections of
/// <c>openapi/corrections.json</c> applied, and the generator's surface spec built from it with the committed names.
/// Compiled into the test projects that read the document (contract and live tests), so that both read the one account
/// of where the document is wrong.
/// </summary>
internal sealed class LogtoDocument
{
    private static readonly Lazy<LogtoDocument> LazyInstance = new(() => new LogtoDocument(RepositoryRoot.OpenApiDocument));

    private LogtoDocument(string path)
    {
        Path = path;
        var inputs = GeneratorInputs.FromFolder(System.IO.Path.GetDirectoryName(path)!);
        Corrected = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Corrections = inputs.Corrections.Apply(Corrected);
        using var stream = File.OpenRead(path);
        Spec = CodeGenerator.BuildSpec(stream, new GeneratorOptions(), inputs);
    }

    /// <summary>The document in <c>openapi/</c>, read once.</summary>
    public static LogtoDocument Instance => LazyInstance.Value;

    /// <summary>The vendored document's path (as Logto serves it, uncorrected).</summary>
    public string Path { get; }

    /// <summary>The document with the corrections applied: what the client is generated from.</summary>
    public JsonObject Corrected { get; }

    /// <summary>The corrections applied, each with the locations it edited.</summary>
    public IReadOnlyList<Generator.Parsing.DocumentCorrection> Corrections { get; }

    /// <summary>The generator's surface spec of the corrected document, named as the committed client is.</summary>
    public ApiSpec Spec { get; }
}
