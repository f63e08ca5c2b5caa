using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// The generated code compiles with the hand-written runtime (src/LogtoGenerated/{Http,Authentication,Serialization,Paging},
/// LogtoManagementClient.cs) without an error or a warning, XML documentation included, after the System.Text.Json
/// source generator filled in the generated JSON contexts.
/// </summary>
public class CompilationTests
{
    [Theory]
    [InlineData("kitchen-sink.json")]
    [InlineData("users.json")]
    public void TestDocumentCompilesWithoutDiagnostics(string document)
    {
        var result = GeneratedCompilation.Compile(GeneratorRun.Generate(GeneratorRun.Document(document)));

        AssertClean(result);
    }

    [Theory]
    [InlineData("kitchen-sink.json")]
    [InlineData("users.json")]
    public void EveryTypeAGeneratedContextDescribesIsFoundByNameThroughThePublicContext(string document)
    {
        // The metadata is found by the type's C# spelling (JsonMetadata): a type System.Text.Json reaches inside
        // another (the bool of a Presence, a list's items) but the generator did not name would fail at run time.
        var assembly = GeneratedCompilation.Compile(GeneratorRun.Generate(GeneratorRun.Document(document))).Load();
        var contextType = typeof(System.Text.Json.Serialization.JsonSerializerContext);
        var publicContext = assembly.GetType("LogtoGenerated.LogtoJsonContext", throwOnError: true)!;
        var resolver = (System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver)publicContext.GetProperty("Default")!.GetValue(null)!;
        var described = assembly.GetTypes()
            .Where(t => t.IsSubclassOf(contextType) && t != publicContext)
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
            .Where(m => m.Name.StartsWith("Create_", StringComparison.Ordinal) && m.ReturnType.IsGenericType)
            .Select(m => m.ReturnType.GetGenericArguments()[0])
            .Distinct()
            .ToList();

        Assert.NotEmpty(described);
        var options = new System.Text.Json.JsonSerializerOptions { TypeInfoResolver = resolver };
        var missing = described.Where(type => resolver.GetTypeInfo(type, options) is null).Select(type => type.ToString()).ToList();
        Assert.True(missing.Count == 0, "Not found by name: " + string.Join(", ", missing));
    }

    [Fact]
    public void RealDocumentCompilesWithoutDiagnostics()
    {
        SortedDictionary<string, string> generated;
        using (var stream = File.OpenRead(RepositoryFiles.LogtoDocument))
        {
            generated = CodeGenerator.Generate(stream, new GeneratorOptions());
        }

        AssertClean(GeneratedCompilation.Compile(generated));
    }

    [Fact]
    public void CompilationReportsErrorsAndMissingDocumentation()
    {
        // A control: the harness would catch broken or undocumented generated code.
        var files = GeneratorRun.Generate(GeneratorRun.Document("users.json"));
        files["Models/Broken.cs"] = "namespace LogtoGenerated.Models;\n\npublic class Broken\n{\n    public int Count { get; set; } = \"one\";\n}\n";

        var result = GeneratedCompilation.Compile(files);

        Assert.Contains(result.Errors, d => d.Id == "CS0029" && d.Location.SourceTree!.FilePath == "Generated/Models/Broken.cs");
        Assert.Contains(result.Warnings, d => d.Id == "CS1591" && d.Location.SourceTree!.FilePath == "Generated/Models/Broken.cs");
    }

    private static void AssertClean(CompilationResult result)
    {
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, CompilationResult.Describe(problems));

        // The JSON source generator ran for the contexts; the public context has its Default instance.
        Assert.True(result.JsonContextSources > 1, "The System.Text.Json source generator produced no members of the generated contexts.");
        var context = result.Compilation.GetTypeByMetadataName("LogtoGenerated.LogtoJsonContext");
        Assert.NotNull(context);
        Assert.NotEmpty(context.GetMembers("Default"));
    }
}
