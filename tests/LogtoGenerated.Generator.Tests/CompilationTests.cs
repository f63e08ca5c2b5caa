using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// The generated code compiles with the hand-written runtime (src/LogtoGenerated/{Http,Authentication,Serialization,Paging},
/// LogtoManagementClient.cs) without an error or a warning, XML documentation included, after the System.Text.Json
/// source generator filled in LogtoJsonContext.
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

        // The JSON source generator ran: the context has its Default instance and a property per registered type.
        Assert.True(result.JsonContextSources > 1, "The System.Text.Json source generator produced no LogtoJsonContext members.");
        var context = result.Compilation.GetTypeByMetadataName("LogtoGenerated.LogtoJsonContext");
        Assert.NotNull(context);
        Assert.NotEmpty(context.GetMembers("Default"));
    }
}
