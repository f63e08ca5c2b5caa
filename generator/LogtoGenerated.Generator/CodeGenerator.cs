using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator;

/// <summary>The whole pipeline: document, code model, C# files.</summary>
internal static class CodeGenerator
{
    /// <summary>Reads the document and builds the named code model.</summary>
    public static ApiModel BuildModel(Stream document, GeneratorOptions options)
    {
        var openApi = DocumentLoader.Load(document);
        var model = new ApiModelBuilder(options.BasePath).Build(openApi);
        TypeNamer.NameAll(model.Types);
        MemberNamer.NameAll(model, options);
        return model;
    }

    /// <summary>Generates every file, keyed by path relative to the output folder ('/' separators), in ordinal order.</summary>
    public static SortedDictionary<string, string> Generate(Stream document, GeneratorOptions options)
    {
        var model = BuildModel(document, options);
        return new CSharpEmitter(options).Emit(model);
    }
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
