using LogtoGenerated.Generator.Comparing;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>The command line: exit code 0 on success, 1 for a bad document, 2 for bad usage, 3 for breaking changes (diff).</summary>
public sealed class GeneratorCliTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logto-generator-tests-" + Guid.NewGuid().ToString("N"));

    public GeneratorCliTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => GeneratorRun.Cli(args);

    private string WriteDocument(string json)
    {
        var path = Path.Combine(_folder, "document.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void GenerateWritesEveryFileAndReportsSuccess()
    {
        var output = Path.Combine(_folder, "out");

        var (exitCode, stdout, stderr) = Run("generate", "--document", Path.Combine(AppContext.BaseDirectory, "Documents", "users.json"), "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        var expected = GeneratorRun.Generate(GeneratorRun.Document("users.json"));
        Assert.StartsWith($"Generated {expected.Count} files ({expected.Count} changed) from users.json in ", stdout, StringComparison.Ordinal);
        foreach (var (path, source) in expected)
        {
            Assert.Equal(source, File.ReadAllText(Path.Combine(output, path)));
        }
    }

    [Fact]
    public void GeneratingAgainChangesNothingAndRemovesStaleFiles()
    {
        var output = Path.Combine(_folder, "out");
        var document = Path.Combine(AppContext.BaseDirectory, "Documents", "users.json");
        Assert.Equal(0, Run("generate", "--document", document, "--output", output).ExitCode);
        var stale = Path.Combine(output, "Models", "Users", "Removed.cs");
        File.WriteAllText(stale, "// a type the document no longer has");
        var notes = Path.Combine(output, "notes.txt");
        File.WriteAllText(notes, "not generated");

        var (exitCode, stdout, _) = Run("generate", "--document", document, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("(1 changed)", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(notes));
    }

    [Fact]
    public void NamespaceOptionChangesTheGeneratedNamespaces()
    {
        var output = Path.Combine(_folder, "out");

        var (exitCode, _, _) = Run("generate", "--document", Path.Combine(AppContext.BaseDirectory, "Documents", "users.json"), "--output", output, "--namespace", "Acme.Logto");

        Assert.Equal(0, exitCode);
        Assert.Contains("namespace Acme.Logto.Models;", File.ReadAllText(Path.Combine(output, "Models", "Users", "User.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void NamesListsEveryTypeWithItsFolderAndKind()
    {
        var (exitCode, stdout, _) = Run("names", "--document", Path.Combine(AppContext.BaseDirectory, "Documents", "users.json"));

        Assert.Equal(0, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var typeLines = lines[..^1].Where(line => !line.StartsWith(' ')).ToList();
        Assert.Equal(GeneratorRun.BuildSpec(GeneratorRun.Document("users.json")).Types.Length, typeLines.Count);
        // Each type, then its uses, indented.
        var user = lines.ToList().IndexOf("Users/User (Object)");
        Assert.True(user >= 0, stdout);
        Assert.StartsWith("    GET /api/users", lines[user + 1], StringComparison.Ordinal);
        Assert.Contains("Organizations/OrganizationUsersRequest (Object)", lines);
        Assert.EndsWith("named after a use some of their uses do not have (marked !; fix with overrides.json).", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void NamesOfTheCommittedDocumentReportNoRenameAndNoUntrueName()
    {
        var (exitCode, stdout, _) = Run("names", "--document", RepositoryFiles.LogtoDocument);

        Assert.Equal(0, exitCode);
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Matches(@"^\d+ types; 0 renamed from names\.lock\.json; 0 named after a use", last);
    }

    [Fact]
    public void BadDocumentExitsWithOneAndPrintsThePointer()
    {
        var document = WriteDocument(new OpenApiDocument().Get("/api/users", operationId: null!, response: """{"type":"object"}""").ToJson());
        var output = Path.Combine(_folder, "out");

        var (exitCode, stdout, stderr) = Run("generate", "--document", document, "--output", output);

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith($"{document}: error: #/paths/~1api~1users/get: ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void MissingDocumentExitsWithOne()
    {
        var (exitCode, _, stderr) = Run("generate", "--document", Path.Combine(_folder, "missing.json"), "--output", Path.Combine(_folder, "out"));

        Assert.Equal(1, exitCode);
        Assert.Contains("missing.json", stderr, StringComparison.Ordinal);
    }

    private (string Old, string New) WriteSamplePair(OpenApiDocument oldDocument, OpenApiDocument newDocument)
    {
        var (oldPath, newPath) = (Path.Combine(_folder, "old.json"), Path.Combine(_folder, "new.json"));
        File.WriteAllText(oldPath, oldDocument.ToJson());
        File.WriteAllText(newPath, newDocument.ToJson());
        return (oldPath, newPath);
    }

    [Fact]
    public void DiffPrintsTheReportAndExitsWithThreeWhenAChangeIsBreaking()
    {
        var (oldDocument, newDocument) = ApiDiffTests.SamplePair();
        var (oldPath, newPath) = WriteSamplePair(oldDocument, newDocument);

        var (exitCode, stdout, stderr) = Run("diff", "--old", oldPath, "--new", newPath);

        Assert.Equal(GeneratorCli.BreakingChanges, exitCode);
        Assert.Equal(3, exitCode);
        Assert.Equal("", stderr);
        var expected = ChangeReport.Write(ApiComparer.Compare(oldDocument.BuildSpec(), newDocument.BuildSpec(), "old.json", "new.json"), ReportFormat.Text);
        Assert.Equal(expected, stdout);
        Assert.StartsWith("Changes to the client from old.json to new.json: 4 breaking changes (marked BREAKING), 3 other changes.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffExitsWithZeroWhenNoChangeIsBreaking()
    {
        var oldDocument = new OpenApiDocument().Get("/api/users", "ListUsers", response: """{"type":"array","items":{"type":"string"}}""");
        var newDocument = new OpenApiDocument().Get("/api/users", "ListUsers", response: """{"type":"array","items":{"type":"string"}}""")
            .Get("/api/roles", "ListRoles", response: """{"type":"array","items":{"type":"string"}}""");
        var (oldPath, newPath) = WriteSamplePair(oldDocument, newDocument);

        var (exitCode, stdout, _) = Run("diff", "--old", oldPath, "--new", newPath);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Changes to the client from old.json to new.json: no breaking changes, 1 other change.", stdout, StringComparison.Ordinal);
        Assert.Contains("  GET /api/roles (ListRoles): client.Roles.GetAsync\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffOfTheSameDocumentSaysThereAreNoChanges()
    {
        var document = Path.Combine(AppContext.BaseDirectory, "Documents", "kitchen-sink.json");

        var (exitCode, stdout, _) = Run("diff", "--old", document, "--new", document);

        Assert.Equal(0, exitCode);
        Assert.Equal($"No changes for users of the client from {document} to {document}.\n", stdout);
    }

    [Fact]
    public void DiffWritesMarkdownOnRequest()
    {
        var (oldDocument, newDocument) = ApiDiffTests.SamplePair();
        var (oldPath, newPath) = WriteSamplePair(oldDocument, newDocument);

        var (exitCode, stdout, _) = Run("diff", "--old", oldPath, "--new", newPath, "--format", "markdown");

        Assert.Equal(3, exitCode);
        Assert.Equal(ChangeReport.Write(ApiComparer.Compare(oldDocument.BuildSpec(), newDocument.BuildSpec(), "old.json", "new.json"), ReportFormat.Markdown), stdout);
    }

    [Fact]
    public void DiffEndsWithTheDocumentErrorsTheClientCorrectsAndTheCorrectionsThatNoLongerApply()
    {
        const string text = """{"type":"object","properties":{"when":{"type":"string","format":"date-time"}}}""";
        var (oldPath, newPath) = WriteSamplePair(
            new OpenApiDocument().Get("/api/things", "ListThings", response: text),
            new OpenApiDocument().Get("/api/things", "ListThings", response: text));
        File.WriteAllText(Path.Combine(_folder, "corrections.json"), """
            {"corrections":[
              {"op":"replace","path":"/paths/~1api~1things/get/responses/200/content/application~1json/schema/properties/when","expect":{"type":"string","format":"date-time"},
               "value":{"type":"number"},"reason":"The server sends epoch milliseconds.","source":"packages/core/src/routes/things.ts"},
              {"op":"remove","path":"/paths/~1api~1gone/get","expect":{},"reason":"Gone.","source":"packages/core/src/routes/gone.ts"}
            ]}
            """);

        var (exitCode, stdout, stderr) = Run("diff", "--old", oldPath, "--new", newPath);

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.EndsWith(
            "\nDocument errors the client corrects in new.json (corrections.json): 1 of 2\n" +
            "  /paths/~1api~1things/get/responses/200/content/application~1json/schema/properties/when: The server sends epoch milliseconds. Source: packages/core/src/routes/things.ts\n" +
            "  NO LONGER APPLIES: corrections.json#/corrections/1 /paths/~1api~1gone/get: the new document does not match its path, 'expect' or 'count' (generating says which); remove or update it before generating.\n",
            stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void DiffOfABadDocumentExitsWithOneAndNamesTheDocumentAndThePointer()
    {
        var (oldPath, newPath) = WriteSamplePair(
            new OpenApiDocument().Get("/api/users", "ListUsers"),
            new OpenApiDocument().Get("/api/users", operationId: null!));

        var (exitCode, stdout, stderr) = Run("diff", "--old", oldPath, "--new", newPath);

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith($"{newPath}: error: #/paths/~1api~1users/get: ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("build")]
    [InlineData("generate")]
    [InlineData("generate", "--document", "x.json")]
    [InlineData("generate", "--output", "out")]
    [InlineData("generate", "--document", "x.json", "--output")]
    [InlineData("generate", "document", "x.json", "--output", "out")]
    [InlineData("names")]
    [InlineData("generate", "--document", "x.json", "--output", "out", "--old", "y.json")]
    [InlineData("diff", "--old", "a.json")]
    [InlineData("diff", "--old", "a.json", "--new", "b.json", "--format", "html")]
    [InlineData("refresh")]
    [InlineData("refresh", "--server", "auth.example.com")]
    [InlineData("refresh", "--server", "ftp://auth.example.com")]
    [InlineData("refresh", "--server", "https://user:secret@auth.example.com")]
    [InlineData("refresh", "--server", "https://auth.example.com", "--logto-version", "Cloud")]
    public void BadUsageExitsWithTwoAndPrintsTheUsage(params string[] args)
    {
        var (exitCode, stdout, stderr) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout);
        Assert.Contains("Usage: LogtoGenerated.Generator generate --document <openapi.json> --output <folder>", stderr, StringComparison.Ordinal);
    }
}
