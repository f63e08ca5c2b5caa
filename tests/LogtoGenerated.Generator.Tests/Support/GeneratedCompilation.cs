using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>
/// Compiles generated files together with the hand-written runtime, the way src/LogtoGenerated
/// builds them: against the shared framework, System.Threading.RateLimiting and the LogtoGenerated.Authentication
/// package (whose internals the runtime uses, as the assembly is named LogtoGenerated), nullable enabled,
/// XML documentation checked, and the System.Text.Json source generator (from the SDK's
/// Microsoft.NETCore.App.Ref pack) filling in the generated JSON contexts.
/// </summary>
internal static class GeneratedCompilation
{
    /// <summary>The global usings of an SDK project with ImplicitUsings enabled.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The shared framework the tests run on (not the test's own dependencies, such as xunit or Roslyn),
        // plus the runtime's package dependencies.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var assemblies = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. assemblies
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Append(typeof(System.Threading.RateLimiting.RateLimiter).Assembly.Location)
            .Append(typeof(LogtoGenerated.Authentication.IAuthenticationProvider).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Caching.Distributed.IDistributedCache).Assembly.Location)
            .Append(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });

    /// <summary>Compiles the generated files with the runtime and fails with the diagnostics when there is a warning or an error.</summary>
    public static void AssertCompilesWithoutWarnings(IReadOnlyDictionary<string, string> generated)
    {
        var problems = Compile(generated).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, CompilationResult.Describe(problems));
    }

    /// <summary>Compiles <paramref name="generated"/> (relative path to source) with the runtime sources.</summary>
    /// <returns>The compilation, with every diagnostic.</returns>
    public static CompilationResult Compile(IReadOnlyDictionary<string, string> generated)
    {
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, "GlobalUsings.g.cs") };
        trees.AddRange(RepositoryFiles.RuntimeSources().Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), ParseOptions, path)));
        trees.AddRange(generated.Select(file => CSharpSyntaxTree.ParseText(file.Value, ParseOptions, "Generated/" + file.Key)));

        var compilation = CSharpCompilation.Create(
            "LogtoGenerated",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // The runtime's documentation refers to classes outside the subset compiled here (the client-credentials
                // handler, the bearer provider); the library's own build checks those references.
                .WithSpecificDiagnosticOptions([KeyValuePair.Create("CS1574", ReportDiagnostic.Suppress)]));

        return new CompilationResult(compilation, compilation.GetDiagnostics());
    }
}

/// <summary>The outcome of <see cref="GeneratedCompilation.Compile"/>.</summary>
/// <param name="Compilation">The compilation.</param>
/// <param name="Diagnostics">All diagnostics.</param>
internal sealed record CompilationResult(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)
{
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);

    /// <summary>
    /// Emits the compilation and loads it into a load context of its own, so that a test can run the generated
    /// code (for example, serialize a model with the source-generated context). Fails the test if it does not emit.
    /// </summary>
    public Assembly Load()
    {
        using var stream = new MemoryStream();
        var emitted = Compilation.Emit(stream);
        Assert.True(emitted.Success, Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        return new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(stream);
    }

    /// <summary>The diagnostics formatted one per line (at most <paramref name="limit"/>), for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics, int limit = 30)
    {
        var list = diagnostics.ToList();
        return $"{list.Count} diagnostic(s):\n" + string.Join("\n", list.Take(limit).Select(d => d.ToString()));
    }
}
