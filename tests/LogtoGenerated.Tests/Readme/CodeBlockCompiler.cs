using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LogtoGenerated.Tests.Readme;

/// <summary>
/// Compiles one C# code block of a Markdown file with Roslyn, as described in <see cref="ReadmeCodeBlockTests"/>:
/// with <see cref="Prelude"/> and <see cref="Givens"/>, against the running shared frameworks and the library,
/// nullable enabled, every warning an error.
/// </summary>
internal static class CodeBlockCompiler
{
    /// <summary>
    /// The global usings every block gets: exactly those of an ASP.NET Core project with ImplicitUsings
    /// (<c>Microsoft.NET.Sdk.Web</c>), then <see cref="Givens"/>. Nothing of this library: a block shows every
    /// <c>using</c> of its own that a user must write.
    /// </summary>
    public const string Prelude = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Net.Http.Json;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        global using static global::ReadmeGivens;
        """;

    /// <summary>
    /// What a block may use without declaring it: <c>client</c> and <c>cancellationToken</c>. They are static members
    /// imported with <c>using static</c>, so a block that declares its own <c>client</c> uses that one instead.
    /// The code is compiled, never run.
    /// </summary>
    public const string Givens = """
        internal static class ReadmeGivens
        {
            public static readonly global::LogtoGenerated.LogtoManagementClient client =
                global::LogtoGenerated.LogtoManagementClient.Create(new global::LogtoGenerated.LogtoManagementOptions
                {
                    TenantId = "abc123",
                    ClientId = "my-m2m-app-id",
                    ClientSecret = "my-m2m-app-secret",
                });

            public static readonly global::System.Threading.CancellationToken cancellationToken = global::System.Threading.CancellationToken.None;
        }
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // Every assembly the test host runs with: the shared frameworks (Microsoft.NETCore.App and, because the test
        // project references it, Microsoft.AspNetCore.App) and the test's dependencies; then the two packages' assemblies.
        var byFileName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")
            ?? throw new InvalidOperationException("The runtime did not report TRUSTED_PLATFORM_ASSEMBLIES.");
        foreach (string path in trusted.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            byFileName.TryAdd(Path.GetFileName(path), path);
        }

        foreach (string library in new[] { typeof(LogtoManagementClient).Assembly.Location, typeof(LogtoGenerated.Authentication.LogtoAllowedHosts).Assembly.Location, typeof(LogtoGenerated.Kiota.LogtoKiotaAuthenticationProvider).Assembly.Location, typeof(LogtoGenerated.AspNetCore.LogtoJwtBearerOptions).Assembly.Location })
        {
            byFileName.TryAdd(Path.GetFileName(library), library);
        }
        return [.. byFileName.Values.Order(StringComparer.Ordinal).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    });

    /// <summary>
    /// Compiles <paramref name="block"/>: as a program (top-level statements, types after them) when it has statements,
    /// else as a library of the types it declares.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="markdownFile">The file name diagnostics are reported against.</param>
    /// <returns>Every warning and error, one per line, located at the line and column of the Markdown file.</returns>
    public static IReadOnlyList<string> Compile(MarkdownCodeBlock block, string markdownFile)
    {
        SyntaxTree code = CSharpSyntaxTree.ParseText(block.Code, ParseOptions, path: markdownFile);
        bool isProgram = code.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();

        var options = new CSharpCompilationOptions(
            isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            generalDiagnosticOption: ReportDiagnostic.Error,
            warningLevel: 9999,
            // As the SDK does (its default NoWarn): assembly version unification notes.
            specificDiagnosticOptions: [new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]);

        CSharpCompilation compilation = CSharpCompilation.Create(
            "ReadmeBlockAtLine" + block.FirstCodeLine.ToString(CultureInfo.InvariantCulture),
            [
                CSharpSyntaxTree.ParseText(Prelude, ParseOptions, path: "ReadmePrelude.g.cs"),
                CSharpSyntaxTree.ParseText(Givens, ParseOptions, path: "ReadmeGivens.g.cs"),
                code,
            ],
            References.Value,
            options);

        return [.. compilation.GetDiagnostics()
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .Select(diagnostic => Describe(diagnostic, code, block, markdownFile))];
    }

    /// <summary>A diagnostic as <c>README.md(line,column): error CS0103: message</c>, at the line of the Markdown file.</summary>
    private static string Describe(Diagnostic diagnostic, SyntaxTree code, MarkdownCodeBlock block, string markdownFile)
    {
        string what = $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        if (diagnostic.Location.SourceTree != code)
        {
            // In the prelude, the givens, or without a location (a missing entry point, say).
            return diagnostic.Location.IsInSource ? $"{diagnostic.Location.GetLineSpan()}: {what}" : $"{markdownFile}({block.FirstCodeLine}): {what}";
        }

        LinePosition start = diagnostic.Location.GetLineSpan().StartLinePosition;
        int line = block.FirstCodeLine + start.Line;
        int column = block.Indentation + start.Character + 1;
        return $"{markdownFile}({line},{column}): {what}";
    }
}
