using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>Reads declarations out of one generated file, so tests assert on C# rather than on whitespace.</summary>
internal sealed class GeneratedSource(string source)
{
    private readonly SyntaxNode _root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)).GetRoot();

    public string Text { get; } = source;

    public BaseTypeDeclarationSyntax Type(string name) =>
        Assert.Single(_root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>(), t => t.Identifier.ValueText == name);

    public PropertyDeclarationSyntax Property(string name) =>
        Assert.Single(_root.DescendantNodes().OfType<PropertyDeclarationSyntax>(), p => p.Identifier.ValueText == name);

    public IReadOnlyList<PropertyDeclarationSyntax> Properties(string typeName) =>
        Type(typeName).DescendantNodes().OfType<PropertyDeclarationSyntax>().Where(p => p.Parent is BaseTypeDeclarationSyntax { } t && t.Identifier.ValueText == typeName).ToList();

    public MethodDeclarationSyntax Method(string name) =>
        Assert.Single(_root.DescendantNodes().OfType<MethodDeclarationSyntax>(), m => m.Identifier.ValueText == name);

    public IndexerDeclarationSyntax Indexer() => Assert.Single(_root.DescendantNodes().OfType<IndexerDeclarationSyntax>());

    /// <summary>The property's declaration without attributes, documentation or accessor bodies: <c>public required string Id</c>.</summary>
    public static string Signature(PropertyDeclarationSyntax property) =>
        string.Join(" ", property.Modifiers.Select(m => m.Text).Append(property.Type.ToString()).Append(property.Identifier.ValueText));

    /// <summary>The attributes of a member as written, e.g. <c>global::System.Text.Json.Serialization.JsonPropertyName("id")</c>.</summary>
    public static IReadOnlyList<string> Attributes(MemberDeclarationSyntax member) =>
        member.AttributeLists.SelectMany(list => list.Attributes).Select(a => a.ToString()).ToList();

    /// <summary>The method's parameters as written: <c>string search</c>.</summary>
    public static IReadOnlyList<string> Parameters(BaseMethodDeclarationSyntax method) =>
        method.ParameterList.Parameters.Select(p => p.ToString()).ToList();

    /// <summary>The statements of a method body, one per entry, whitespace-normalized.</summary>
    public static IReadOnlyList<string> Statements(BaseMethodDeclarationSyntax method) =>
        method.Body?.Statements.Select(s => s.NormalizeWhitespace().ToFullString()).ToList()
        ?? [method.ExpressionBody!.Expression.NormalizeWhitespace().ToFullString()];
}
