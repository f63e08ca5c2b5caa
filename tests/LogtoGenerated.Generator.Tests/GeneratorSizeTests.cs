using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// The generator stays readable in pieces: no source file over 400 lines and no method, constructor, accessor or local
/// function over 60 lines (measured by the syntax tree, from its first line to its last).
/// </summary>
public sealed class GeneratorSizeTests
{
    private const int MaxFileLines = 400;
    private const int MaxMethodLines = 60;

    private static IEnumerable<string> Sources() =>
        Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "generator", "LogtoGenerated.Generator"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/');

    [Fact]
    public void NoGeneratorFileIsOver400Lines()
    {
        var sources = Sources().ToList();
        Assert.NotEmpty(sources);

        var long_ = sources.Select(f => (File: Relative(f), Lines: File.ReadAllLines(f).Length)).Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{f.File}: {f.Lines} lines").ToList();

        Assert.True(long_.Count == 0, "Split these files by concern:\n" + string.Join("\n", long_));
    }

    [Fact]
    public void NoGeneratorMethodIsOver60Lines()
    {
        var long_ = new List<string>();
        foreach (var source in Sources())
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(source), path: source);
            foreach (var member in tree.GetRoot().DescendantNodes().Where(IsBody))
            {
                var span = member.GetLocation().GetLineSpan();
                var lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
                if (lines > MaxMethodLines)
                {
                    long_.Add($"{Relative(source)}:{span.StartLinePosition.Line + 1} {NameOf(member)}: {lines} lines");
                }
            }
        }

        Assert.True(long_.Count == 0, "Split these methods:\n" + string.Join("\n", long_));
    }

    [Fact]
    public void TheMethodMeasureSeesALongMethod()
    {
        var body = string.Join("\n", Enumerable.Range(0, MaxMethodLines).Select(i => $"        var x{i} = {i};"));
        var tree = CSharpSyntaxTree.ParseText($"class C\n{{\n    void M()\n    {{\n{body}\n    }}\n}}\n");

        var method = tree.GetRoot().DescendantNodes().Single(IsBody);
        var span = method.GetLocation().GetLineSpan();

        Assert.Equal(MaxMethodLines + 3, span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
    }

    private static bool IsBody(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax
            or PropertyDeclarationSyntax { ExpressionBody: not null };

    private static string NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text,
        ConstructorDeclarationSyntax c => c.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax l => l.Identifier.Text + " (local function)",
        PropertyDeclarationSyntax p => p.Identifier.Text,
        AccessorDeclarationSyntax a => a.Keyword.Text + " accessor",
        _ => node.Kind().ToString(),
    };
}
