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
    public void EveryTypeThePublicContextDeclaresIsFoundByNameAndMadeFromAConverter(string document)
    {
        // The metadata is found by the type's C# spelling (JsonMetadata) and made from a generated converter: a type
        // the context declares whose spelling no generated metadata covers would fail at run time.
        var assembly = GeneratedCompilation.Compile(GeneratorRun.Generate(GeneratorRun.Document(document))).Load();
        var publicContext = assembly.GetType("LogtoGenerated.LogtoJsonContext", throwOnError: true)!;
        var context = (System.Text.Json.Serialization.JsonSerializerContext)publicContext.GetProperty("Default")!.GetValue(null)!;
        var declared = publicContext.GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(System.Text.Json.Serialization.Metadata.JsonTypeInfo<>))
            .ToList();

        Assert.True(declared.Count > 10, "The public context declares almost no types.");
        var missing = declared.Where(p => context.GetTypeInfo(p.PropertyType.GetGenericArguments()[0]) is null).Select(p => p.Name).ToList();
        Assert.True(missing.Count == 0, "Not found by name: " + string.Join(", ", missing));
        Assert.All(declared, p => Assert.Equal(System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.None, ((System.Text.Json.Serialization.Metadata.JsonTypeInfo)p.GetValue(context)!).Kind));
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

        // The public context has its Default instance.
        var context = result.Compilation.GetTypeByMetadataName("LogtoGenerated.LogtoJsonContext");
        Assert.NotNull(context);
        Assert.NotEmpty(context.GetMembers("Default"));
    }
}
