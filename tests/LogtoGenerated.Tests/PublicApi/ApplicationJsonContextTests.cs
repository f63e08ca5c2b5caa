using System.Collections.Immutable;
using System.Reflection;
using LogtoGenerated.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LogtoGenerated.Tests.PublicApi;

/// <summary>
/// An application's own System.Text.Json source-generated context (as NativeAOT apps write, say for an ASP.NET Core
/// endpoint returning a Logto model) may include the library's models. Its generated code creates the converters the
/// models' <c>[JsonConverter]</c> attributes name, so those converters must stay public: this is why they are hidden
/// from IntelliSense instead of internal.
/// </summary>
public sealed class ApplicationJsonContextTests
{
    private static readonly Assembly Library = typeof(LogtoManagementClient).Assembly;

    [Fact]
    public void An_application_context_including_an_enumeration_and_a_union_compiles_without_warnings_and_creates_their_converters()
    {
        Type enumeration = Library.GetTypes()
            .Where(t => t.IsValueType && t.IsVisible && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStringEnum<>)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .First();
        Type union = Library.GetTypes()
            .Where(t => t.IsNested && t.IsVisible && t.Name == "JsonConverter" && t.DeclaringType!.Namespace == "LogtoGenerated.Models")
            .Select(t => t.DeclaringType!)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .First();
        string code = $$"""
            using System.Text.Json.Serialization;

            namespace Application;

            [JsonSerializable(typeof(global::{{enumeration.FullName}}))]
            [JsonSerializable(typeof(global::{{union.FullName}}))]
            internal partial class ApplicationJsonContext : JsonSerializerContext;
            """;

        (ImmutableArray<Diagnostic> diagnostics, string generated) = CompileWithJsonSourceGenerator(code);

        Diagnostic[] problems = [.. diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
        Assert.True(problems.Length == 0, string.Join('\n', problems.Select(d => d.ToString())));
        Assert.Contains($"global::LogtoGenerated.Serialization.StringEnumConverter<global::{enumeration.FullName}>()", generated, StringComparison.Ordinal);
        Assert.Contains($"global::{union.FullName}.JsonConverter()", generated, StringComparison.Ordinal);
    }

    /// <summary>Compiles <paramref name="code"/> against the shared framework and the library, with System.Text.Json's source generator.</summary>
    /// <returns>Every diagnostic (the generator's and the compiler's), and the generator's output.</returns>
    private static (ImmutableArray<Diagnostic> Diagnostics, string Generated) CompileWithJsonSourceGenerator(string code)
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not report TRUSTED_PLATFORM_ASSEMBLIES.");
        MetadataReference[] references =
        [
            .. trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
                .Select(path => MetadataReference.CreateFromFile(path)),
            MetadataReference.CreateFromFile(Library.Location),
        ];
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Application",
            [CSharpSyntaxTree.ParseText(code, parseOptions, "ApplicationJsonContext.cs")],
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                // As the SDK does (its default NoWarn): assembly version unification notes.
                specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

        var generatorAssembly = Assembly.LoadFrom(JsonSourceGeneratorLocator.Path());
        var generator = (IIncrementalGenerator)Activator.CreateInstance(
            generatorAssembly.GetType("System.Text.Json.SourceGeneration.JsonSourceGenerator", throwOnError: true)!)!;
        CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        string generated = string.Join('\n', output.SyntaxTrees.Skip(1).Select(tree => tree.ToString()));
        return ([.. generatorDiagnostics, .. output.GetDiagnostics()], generated);
    }
}
