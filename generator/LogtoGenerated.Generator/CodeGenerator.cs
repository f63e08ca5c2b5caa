using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Parsing;
using LogtoGenerated.Generator.Spec;

namespace LogtoGenerated.Generator;

/// <summary>The whole pipeline: document, facts (<see cref="ApiModel"/>), surface spec (<see cref="ApiSpec"/>), C# files.</summary>
internal static class CodeGenerator
{
    /// <summary>Reads the document and names what it describes: the client's surface spec.</summary>
    /// <param name="document">The OpenAPI document.</param>
    /// <param name="options">The settings of the run.</param>
    /// <param name="naming">The record of earlier names and the overrides; none when null (names from the rules alone).</param>
    public static ApiSpec BuildSpec(Stream document, GeneratorOptions options, GeneratorInputs? naming = null)
    {
        naming ??= GeneratorInputs.None;
        var facts = ReadFacts(document, options, naming, out var corrections);
        return SurfaceNamer.Name(facts, naming, options, corrections);
    }

    /// <summary>Corrects and reads the document into its facts: what it describes, with no name of the client's yet.</summary>
    /// <param name="document">The OpenAPI document.</param>
    /// <param name="options">The settings of the run.</param>
    /// <param name="naming">The corrections and the request properties the server fills, with the overrides' settings.</param>
    /// <param name="corrections">The corrections applied.</param>
    public static ApiModel ReadFacts(Stream document, GeneratorOptions options, GeneratorInputs naming, out IReadOnlyList<DocumentCorrection> corrections)
    {
        using var corrected = naming.Corrections.Apply(document, naming.RequireAllOverrides, out corrections);
        var openApi = DocumentLoader.Load(corrected);
        var builder = new ApiModelBuilder(options.BasePath, naming.ServerManagedRequestProperties);
        var model = builder.Build(openApi);
        if (naming.RequireAllOverrides && naming.ServerManagedRequestProperties.FirstOrDefault(p => !builder.LeftOutProperties.Contains(p)) is { } stale)
        {
            throw new GeneratorException(
                naming.OverridesPath + "#/serverManagedRequestProperties",
                $"'{stale}' is in no request body any more. Remove it from the list.");
        }

        return model;
    }

    /// <summary>Generates every file, keyed by path relative to the output folder ('/' separators), in ordinal order.</summary>
    public static SortedDictionary<string, string> Generate(Stream document, GeneratorOptions options, GeneratorInputs? naming = null) =>
        Generate(BuildSpec(document, options, naming), options);

    /// <summary>Generates every file of a spec, keyed as <see cref="Generate(Stream, GeneratorOptions, GeneratorInputs?)"/> keys them.</summary>
    public static SortedDictionary<string, string> Generate(ApiSpec spec, GeneratorOptions options) => new CSharpEmitter(options).Emit(spec);
}

/// <summary>Settings of one generation run.</summary>
/// <param name="Namespace">The root namespace of the generated code.</param>
/// <param name="ClientName">The client class the root request builder is emitted into.</param>
/// <param name="BasePath">The path prefix every operation starts with; it becomes the client itself.</param>
internal sealed record GeneratorOptions(string Namespace = "LogtoGenerated", string ClientName = "LogtoManagementClient", string BasePath = "/api")
{
    public string ModelsNamespace => Namespace + ".Models";
    public string BuildersNamespace => Namespace + ".RequestBuilders";
    public string ContextName => "LogtoJsonContext";
}
