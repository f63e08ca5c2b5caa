using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>The generator on Logto's real Management API document (openapi/logto-1.42.0-management.openapi.json), run once per class.</summary>
public sealed partial class RealDocumentTests(RealDocumentTests.Run run) : IClassFixture<RealDocumentTests.Run>
{
    /// <summary>One generation of the real document, timed, plus the model it was built from.</summary>
    public sealed class Run
    {
        public Run()
        {
            var stopwatch = Stopwatch.StartNew();
            using (var stream = File.OpenRead(RepositoryFiles.LogtoDocument))
            {
                Files = CodeGenerator.Generate(stream, new GeneratorOptions(), Naming);
            }

            Elapsed = stopwatch.Elapsed;
            using (var stream = File.OpenRead(RepositoryFiles.LogtoDocument))
            {
                Model = CodeGenerator.BuildSpec(stream, new GeneratorOptions(), Naming);
            }
        }

        /// <summary>The committed record of names and the overrides, as the build reads them.</summary>
        internal static GeneratorInputs Naming => GeneratorInputs.FromFolder(Path.GetDirectoryName(RepositoryFiles.LogtoDocument)!);

        internal SortedDictionary<string, string> Files { get; }

        internal ApiSpec Model { get; }

        internal TimeSpan Elapsed { get; }
    }

    /// <summary>Every operationId in the document, read with System.Text.Json rather than the generator's reader.</summary>
    private static List<string> DocumentOperationIds()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryFiles.LogtoDocument));
        string[] methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(p => methods.Contains(p.Name)))
            .Select(operation => operation.Value.GetProperty("operationId").GetString()!)
            .ToList();
    }

    [Fact]
    public void EveryOperationOfTheDocumentIsInTheModel()
    {
        var expected = DocumentOperationIds();

        Assert.Equal(284, expected.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), run.Model.Operations().Select(o => o.OperationId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryOperationIdIsDocumentedOnExactlyOneOperationMethod_AndOnItsPagingAndStreamMethods()
    {
        string[] operationMethods = ["GetAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync", "HeadAsync", "OptionsAsync"];
        var documented = new List<(string Method, string OperationId)>();
        foreach (var (path, source) in run.Files.Where(f => !f.Key.StartsWith("Models/", StringComparison.Ordinal)))
        {
            var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse)).GetRoot();
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var docs = string.Concat(method.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)).Select(t => t.ToFullString()));
                documented.AddRange(OperationIdInDocs().Matches(docs).Select(m => (method.Identifier.ValueText, m.Groups[1].Value)));
            }
        }

        List<string> OperationIdsOf(params string[] methods) =>
            documented.Where(d => methods.Contains(d.Method)).Select(d => d.OperationId).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(DocumentOperationIds().Order(StringComparer.Ordinal), OperationIdsOf(operationMethods));
        var paged = run.Model.Operations().Where(o => o.Paging is not null).Select(o => o.OperationId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(paged, OperationIdsOf("GetPageAsync"));
        Assert.Equal(paged, OperationIdsOf("GetAllAsync"));
        Assert.Equal(["ListSamlApplicationMetadata"], OperationIdsOf("GetStreamAsync"));
        Assert.Equal(documented.Count, OperationIdsOf([.. operationMethods, "GetPageAsync", "GetAllAsync", "GetStreamAsync"]).Count);
        var everywhere = run.Files.Values.Sum(source => OperationIdInDocs().Matches(source).Count);
        Assert.Equal(284 + 2 * paged.Count + 1, everywhere);
    }

    [Fact]
    public void EveryListTakingPageAndPageSizeIsPaged_ExceptTheOneAnsweringWithAnObject()
    {
        // The 29 GET operations taking page and page_size, read with System.Text.Json rather than the generator's reader.
        using var document = JsonDocument.Parse(File.ReadAllBytes(RepositoryFiles.LogtoDocument));
        var withPaging = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters))
            {
                var names = parameters.EnumerateArray().Select(p => p.TryGetProperty("name", out var n) ? n.GetString() : null).ToList();
                if (names.Contains("page") && names.Contains("page_size"))
                {
                    withPaging.Add(get.GetProperty("operationId").GetString()!);
                }
            }
        }

        var paged = run.Model.Operations().Where(o => o.Paging is not null).Select(o => o.OperationId).ToList();

        Assert.Equal(29, withPaging.Count);
        Assert.Equal(withPaging.Except(["ListApplicationUserConsentOrganizations"]).Order(StringComparer.Ordinal), paged.Order(StringComparer.Ordinal));
        Assert.IsNotType<ListShape>(run.Model.Operation("ListApplicationUserConsentOrganizations").Response.Type!.Type);
    }

    [Fact]
    public void ModelTypesStayFewBecauseIdenticalShapesAreShared()
    {
        // Logto 1.42.0 yields 419 types. The count is above 400 because create/update bodies and their responses
        // differ in required-ness or nullability, which are part of a shape (they decide `required` and `?`), not
        // because identical shapes were missed: see below. Types of one shape are split only where no single name
        // is true to all their uses (a request body and a response of the same {roleIds} shape): every other type
        // is a shape of its own.
        var shapes = run.Model.Types.Select(t => t.ShapeKey).Distinct(StringComparer.Ordinal).Count();
        Assert.InRange(shapes, 300, 420);
        Assert.InRange(run.Model.Types.Length - shapes, 1, 10);
    }

    [Fact]
    public void EachResourceHasOneSpelling_ModelFoldersAreRequestBuilderFolders()
    {
        static HashSet<string> TopFolders(IEnumerable<string> paths, string root) =>
            paths.Where(p => p.StartsWith(root, StringComparison.Ordinal) && p.IndexOf('/', root.Length) > 0)
                .Select(p => p[root.Length..p.IndexOf('/', root.Length)]).ToHashSet(StringComparer.Ordinal);

        var models = TopFolders(run.Files.Keys, "Models/");
        var builders = TopFolders(run.Files.Keys, "RequestBuilders/");

        Assert.NotEmpty(models);
        Assert.Empty(models.Except(builders));
        Assert.Contains("SignInExp", models);
        Assert.Contains("SamlApplications", models);
        Assert.Contains("Logs", models);
    }

    [Fact]
    public void TypeNamesAreDistinctValidIdentifiers()
    {
        var names = run.Model.Types.Select(t => t.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, name => Assert.True(SyntaxFacts.IsValidIdentifier(name) && char.IsUpper(name[0]), name));
    }

    [Fact]
    public void NoTypeNameEndsInADigitUnlessTheDocumentsOwnNameDoes()
    {
        var names = run.Model.Types.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        foreach (var type in run.Model.Types.Where(t => char.IsDigit(t.Name[^1])))
        {
            // SsoConnectorSigningKeyFingerprintsSha256 is the "sha256" property: a name, not a counter.
            var digits = TrailingDigits().Match(type.Name).Value;
            var stem = type.Name[..^digits.Length];
            Assert.True(
                type.Uses.Any(use => use.EndsWith(digits, StringComparison.Ordinal)),
                $"{type.Name}: its trailing '{digits}' does not come from the document, so it is a disambiguating number.");
            Assert.DoesNotContain(stem, names);
        }
    }

    [Fact]
    public void GenerationTakesSeconds()
    {
        // Typically about half a second, including the JIT; the bound is only a smoke check.
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), $"Generation took {run.Elapsed.TotalSeconds:F1} s.");
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        using var stream = File.OpenRead(RepositoryFiles.LogtoDocument);

        var again = CodeGenerator.Generate(stream, new GeneratorOptions(), Run.Naming);

        Assert.Equal(run.Files.Keys, again.Keys);
        Assert.All(run.Files, file => Assert.True(string.Equals(file.Value, again[file.Key], StringComparison.Ordinal), file.Key));
    }

    [GeneratedRegex(@"operationId <c>([^<]+)</c>")]
    private static partial Regex OperationIdInDocs();

    [GeneratedRegex(@"\d+$")]
    private static partial Regex TrailingDigits();
}
