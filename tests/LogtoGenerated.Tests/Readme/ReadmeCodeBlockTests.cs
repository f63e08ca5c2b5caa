using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Readme;

/// <summary>
/// Every C# code block of README.md and of the package's readme compiles against the library, so they cannot drift from the API.
/// </summary>
/// <remarks>
/// <para>The convention for README.md's code blocks:</para>
/// <list type="bullet">
/// <item>C# is fenced as <c>```csharp</c>, and every such block is compiled on its own. A block fenced as <c>cs</c>,
/// <c>c#</c> or another spelling of C#, or without a language, fails <see cref="Every_fenced_block_names_its_language_and_CSharp_is_named_csharp"/>:
/// no C# can slip into the README uncompiled. Other languages (<c>bash</c>, <c>json</c>, <c>text</c>) are not compiled.</item>
/// <item>A block is a C# program with top-level statements (compiled as a console application) and may declare types
/// after its statements. A block without statements (a test class, say) is compiled as a library.</item>
/// <item>Every block gets a fixed prelude of global usings (<see cref="CodeBlockCompiler.Prelude"/>): those of an
/// ASP.NET Core project with ImplicitUsings (<c>System</c>, <c>System.Collections.Generic</c>, <c>System.IO</c>,
/// <c>System.Linq</c>, <c>System.Net.Http</c>, <c>System.Net.Http.Json</c>, <c>System.Threading</c>,
/// <c>System.Threading.Tasks</c>, <c>Microsoft.AspNetCore.Builder</c>, <c>.Hosting</c>, <c>.Http</c>, <c>.Routing</c>,
/// <c>Microsoft.Extensions.Configuration</c>, <c>.DependencyInjection</c>, <c>.Hosting</c>, <c>.Logging</c>) and the
/// library's <c>LogtoGenerated</c>, <c>LogtoGenerated.Authentication</c>, <c>.Http</c>, <c>.Models</c>, <c>.Paging</c>
/// and <c>.Search</c>. Any other namespace a block needs, it names with its own <c>using</c>.</item>
/// <item>Two givens (<see cref="CodeBlockCompiler.Givens"/>) may be used without being declared: <c>client</c>, a
/// <see cref="LogtoManagementClient"/> from <c>LogtoManagementClient.Create</c>, and <c>cancellationToken</c>, a
/// <see cref="CancellationToken"/>. A block that declares its own <c>client</c> uses its own. Blocks are compiled,
/// never run.</item>
/// <item>References: every assembly the test host runs with (<c>TRUSTED_PLATFORM_ASSEMBLIES</c>: the .NET and
/// ASP.NET Core shared frameworks and this test project's dependencies, xunit and Kiota's runtime among them), the library
/// <c>LogtoGenerated.Kiota</c> and <c>LogtoGenerated.AspNetCore</c>. Nullable
/// is enabled, the language version is the latest, and every warning is an error.</item>
/// <item>A failure names README.md's line and column, for example <c>README.md(42,5): error CS0103: The name 'x' does
/// not exist in the current context</c>. The test case's name carries the line of the block's first line of code.</item>
/// </list>
/// <para>For JSON (appsettings.json, say), use a <c>json</c> block beside the C# block.</para>
/// </remarks>
public sealed class ReadmeCodeBlockTests
{
    /// <summary>Fewer than this many C# blocks in README.md means the extraction broke (or the README lost its examples).</summary>
    private const int MinimumCSharpBlocks = 20;

    /// <summary>The documents whose blocks are checked: the repository's README and the package's (shown on NuGet).</summary>
    private static readonly string[] Documents = ["README.md", "src/LogtoGenerated/PackageReadme.md", "src/LogtoGenerated.Authentication/PackageReadme.md", "src/LogtoGenerated.Kiota/PackageReadme.md", "src/LogtoGenerated.AspNetCore/PackageReadme.md"];

    private static readonly string[] OtherSpellingsOfCSharp = ["cs", "c#", "csharp", "c-sharp", "csx"];

    public static TheoryData<string, int> CSharpBlockLines()
    {
        var lines = new TheoryData<string, int>();
        foreach (string document in Documents)
        {
            foreach (MarkdownCodeBlock block in CSharpBlocks(document))
            {
                lines.Add(document, block.FirstCodeLine);
            }
        }

        return lines;
    }

    [Theory]
    [MemberData(nameof(CSharpBlockLines))]
    public void CSharp_block_compiles_without_warnings(string document, int line)
    {
        MarkdownCodeBlock block = Assert.Single(CSharpBlocks(document), block => block.FirstCodeLine == line);

        IReadOnlyList<string> problems = CodeBlockCompiler.Compile(block, document);

        Assert.True(
            problems.Count == 0,
            $"The csharp block of {document} starting at line {line} does not compile:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Readme_has_at_least_the_expected_number_of_CSharp_blocks()
    {
        int count = CSharpBlocks("README.md").Count;

        Assert.True(
            count >= MinimumCSharpBlocks,
            $"README.md has {count} csharp blocks, fewer than {MinimumCSharpBlocks}: the extraction found too few, or examples were lost.");
    }

    [Theory]
    [InlineData("src/LogtoGenerated/PackageReadme.md")]
    [InlineData("src/LogtoGenerated.Authentication/PackageReadme.md")]
    [InlineData("src/LogtoGenerated.Kiota/PackageReadme.md")]
    [InlineData("src/LogtoGenerated.AspNetCore/PackageReadme.md")]
    public void Package_readme_has_CSharp_blocks(string document)
    {
        Assert.NotEmpty(CSharpBlocks(document));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("src/LogtoGenerated/PackageReadme.md")]
    [InlineData("src/LogtoGenerated.Authentication/PackageReadme.md")]
    [InlineData("src/LogtoGenerated.Kiota/PackageReadme.md")]
    [InlineData("src/LogtoGenerated.AspNetCore/PackageReadme.md")]
    public void Every_fenced_block_names_its_language_and_CSharp_is_named_csharp(string document)
    {
        var offending = Blocks(document)
            .Where(block => block.Language.Length == 0
                || (block.Language != "csharp" && OtherSpellingsOfCSharp.Contains(block.Language.ToLowerInvariant())))
            .Select(block => $"line {block.FenceLine}: " + (block.Language.Length == 0 ? "no language" : $"'{block.Language}'"))
            .ToList();

        Assert.True(
            offending.Count == 0,
            $"Fence C# as ```csharp in {document} (so that it is compiled) and name the language of every other block:\n" + string.Join('\n', offending));
    }

    private static IReadOnlyList<MarkdownCodeBlock> CSharpBlocks(string document) => [.. Blocks(document).Where(block => block.Language == "csharp")];

    private static IReadOnlyList<MarkdownCodeBlock> Blocks(string document) =>
        MarkdownCodeBlocks.Extract(File.ReadAllText(RepositoryRoot.Combine(document.Split('/'))));
}
