using System.Security.Cryptography;
using System.Text;
using LogtoGenerated.Generator.Refreshing;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// <c>refresh</c>: fetches the document from a Logto stand-in on 127.0.0.1, writes it as received, replaces the old
/// one and rewrites the lock file; when anything goes wrong, the openapi folder is left exactly as it was.
/// </summary>
public sealed class RefreshCommandTests : IAsyncLifetime
{
    private const string OldName = "logto-1.42.0-management.openapi.json";
    private const string NewName = "logto-1.43.0-management.openapi.json";
    private const string StringList = """{"type":"array","items":{"type":"string"}}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logto-refresh-tests-" + Guid.NewGuid().ToString("N"), "openapi");
    private DocumentServer _server = null!;

    private static OpenApiDocument OldDocument() => new OpenApiDocument { Version = "1.42.0" }
        .Get("/api/users", "ListUsers", response: StringList)
        .Operation("delete", "/api/users/{userId}", "DeleteUser");

    /// <summary>One operation removed (breaking), one added.</summary>
    private static OpenApiDocument NewDocument(string version = "1.43.0") => new OpenApiDocument { Version = version }
        .Get("/api/users", "ListUsers", response: StringList)
        .Get("/api/roles", "ListRoles", response: StringList);

    /// <summary>The document as a server might send it: CRLF line ends and trailing spaces, so that a re-serialized copy would differ.</summary>
    private static byte[] AsSent(OpenApiDocument document) => Encoding.UTF8.GetBytes(document.ToJson().Replace("\n", "  \r\n", StringComparison.Ordinal));

    private string DocumentUri => _server.Origin + "/api/.well-known/management.openapi.json";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var old = Encoding.UTF8.GetBytes(OldDocument().ToJson());
        File.WriteAllBytes(Path.Combine(_folder, OldName), old);
        File.WriteAllText(
            Path.Combine(_folder, "openapi.lock.json"),
            DocumentRefresher.LockText(OldName, "1.42.0", "GET {logto-endpoint}/api/.well-known/management.openapi.json of a self-hosted Logto OSS 1.42.0 server", Sha256(old)));
        _server = DocumentServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        GeneratorRun.Cli(args, environment);

    private (int ExitCode, string Output, string Error) Refresh(params string[] options) =>
        Run(null, ["refresh", "--server", _server.Origin, "--openapi-folder", _folder, .. options]);

    /// <summary>Every file of the openapi folder with its bytes.</summary>
    private SortedDictionary<string, byte[]> Snapshot() =>
        new(Directory.GetFiles(_folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public void RefreshWritesTheDocumentAsReceivedMovesTheOldOneToHistoryAndUpdatesTheLock()
    {
        var sent = AsSent(NewDocument());
        _server.Body = sent;
        var old = File.ReadAllBytes(Path.Combine(_folder, OldName));

        var (exitCode, stdout, stderr) = Refresh();

        Assert.Equal(0, exitCode);
        Assert.Equal("", stderr);
        Assert.Equal([NewName, "openapi.lock.json"], Snapshot().Keys);
        Assert.Equal(sent, File.ReadAllBytes(Path.Combine(_folder, NewName)));
        Assert.Equal(old, File.ReadAllBytes(Path.Combine(_folder, "history", OldName)));
        Assert.Equal(
            $$"""
            {
              "document": "{{NewName}}",
              "logtoVersion": "1.43.0",
              "source": "GET {{DocumentUri}}",
              "sha256": "{{Sha256(sent)}}"
            }

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(Path.Combine(_folder, "openapi.lock.json")));
        Assert.Equal([("/api/.well-known/management.openapi.json", (string?)null)], _server.Requests);

        var folder = _folder.Replace('\\', '/');
        var lines = stdout.Split('\n');
        Assert.Equal($"Fetched {DocumentUri}: {sent.Length} bytes, 2 operations, 0 types.", lines[0]);
        Assert.Equal("Logto 1.42.0 -> 1.43.0", lines[1]);
        Assert.Equal($"  wrote   {folder}/{NewName} (sha256 {Sha256(sent)})", lines[2]);
        Assert.Equal($"  moved   {folder}/{OldName} -> {folder}/history/{OldName}", lines[3]);
        Assert.Equal($"  updated {folder}/openapi.lock.json", lines[4]);
        Assert.Equal("Changes for users of the client: 1 breaking change, 1 other change.", lines[5]);
        Assert.Contains($"dotnet run --project generator/LogtoGenerated.Generator -- diff --old /tmp/logto-old.openapi.json --new {folder}/{NewName}", stdout, StringComparison.Ordinal);
        Assert.Contains("git show HEAD:./", stdout, StringComparison.Ordinal);
        Assert.Contains("dotnet build LogtoGenerated.sln", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void RefreshedDocumentIsOneTheGeneratorAcceptsAndTheLockMatchesIt()
    {
        _server.Body = AsSent(NewDocument());

        Assert.Equal(0, Refresh().ExitCode);

        var bytes = File.ReadAllBytes(Path.Combine(_folder, NewName));
        Assert.Contains(Sha256(bytes), File.ReadAllText(Path.Combine(_folder, "openapi.lock.json")), StringComparison.Ordinal);
        Assert.NotEmpty(GeneratorRun.Generate(Encoding.UTF8.GetString(bytes)));
    }

    [Theory]
    [InlineData("--token", null, "Bearer from-option")]
    [InlineData(null, "from-environment", "Bearer from-environment")]
    [InlineData("--token", "from-environment", "Bearer from-option")]
    public void TokenIsSentAsABearerTokenFromTheOptionOrTheEnvironment(string? option, string? variable, string expected)
    {
        _server.Body = AsSent(NewDocument());
        var environment = new Dictionary<string, string>();
        if (variable is not null)
        {
            environment["LOGTO_MANAGEMENT_TOKEN"] = variable;
        }

        string[] args = ["refresh", "--server", _server.Origin + "/", "--openapi-folder", _folder];
        var (exitCode, stdout, _) = Run(environment, option is null ? args : [.. args, option, "from-option"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(expected, Assert.Single(_server.Requests).Authorization);
        Assert.DoesNotContain("from-", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionOptionNamesTheDocumentWhenTheDocumentSaysCloud()
    {
        // Logto's own documents say "Cloud" in info.version.
        _server.Body = AsSent(NewDocument(version: "Cloud"));

        var (exitCode, stdout, _) = Refresh("--logto-version", "1.43.0");

        Assert.Equal(0, exitCode);
        Assert.Equal([NewName, "openapi.lock.json"], Snapshot().Keys);
        Assert.Contains("\"logtoVersion\": \"1.43.0\"", File.ReadAllText(Path.Combine(_folder, "openapi.lock.json")), StringComparison.Ordinal);
        Assert.Contains("Logto 1.42.0 -> 1.43.0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentWithoutAVersionNumberIsRefusedUnlessTheVersionIsGiven()
    {
        _server.Body = AsSent(NewDocument(version: "Cloud"));
        var before = Snapshot();

        var (exitCode, stdout, stderr) = Refresh();

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: the document's info.version is \"Cloud\", not a Logto version (Logto writes \"Cloud\" there). Pass the version of the Logto server you fetched it from, for example --logto-version 1.43.0.", stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData(404, "text/plain", "Not Found", "answered 404 Not Found: check that --server is the Logto endpoint (for example https://auth.example.com, without /api)")]
    [InlineData(401, "application/json", """{"code":"auth.authorization_header_missing"}""", "answered 401 Unauthorized: the server wants an access token. Pass a Management API access token with --token <token> or the LOGTO_MANAGEMENT_TOKEN environment variable.")]
    [InlineData(500, "text/plain", "Internal Server Error", "answered 500 Internal Server Error: 'Internal Server Error'.")]
    [InlineData(200, "text/html", "<!DOCTYPE html>\n<html><body>Logto Console</body></html>", "did not answer with JSON (text/html; ")]
    [InlineData(200, "application/json", """{"openapi":"3.0.1","info":{"title":"x","version":"1.43.0"},"paths":{"/api/users":{"get":{"responses":{"204":{"description":"No content."}}}}}}""",
        "answered with a document the generator does not accept: #/paths/~1api~1users/get: the operation has no operationId.")]
    [InlineData(200, "application/json", """{"openapi":"3.0.1","info":{"title":"x","version":"1.43.0"},"paths":{}}""",
        "answered with a document the generator does not accept: #/paths: the document has no paths")]
    public void FailedRefreshLeavesTheFolderUntouchedAndSaysWhy(int status, string contentType, string body, string message)
    {
        _server.StatusCode = status;
        _server.ContentType = contentType;
        _server.Body = Encoding.UTF8.GetBytes(body);
        var before = Snapshot();

        var (exitCode, stdout, stderr) = Refresh();

        Assert.Equal(1, exitCode);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {DocumentUri} ", stderr, StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.EndsWith($"{_folder.Replace('\\', '/')} was left unchanged.{Environment.NewLine}", stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void RefusedTokenIsReportedAsSuch()
    {
        _server.StatusCode = 401;

        var (exitCode, _, stderr) = Refresh("--token", "expired");

        Assert.Equal(1, exitCode);
        Assert.Contains("answered 401 Unauthorized: the server refused the access token.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableServerLeavesTheFolderUntouched()
    {
        var origin = _server.Origin;
        await _server.DisposeAsync();
        _server = DocumentServer.Start();
        var before = Snapshot();

        var (exitCode, _, stderr) = Run(null, "refresh", "--server", origin, "--openapi-folder", _folder);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"error: could not reach {origin}/api/.well-known/management.openapi.json: ", stderr, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void SameDocumentAgainChangesNothing()
    {
        _server.Body = AsSent(NewDocument());
        Assert.Equal(0, Refresh().ExitCode);
        var before = Snapshot();

        var (exitCode, stdout, _) = Refresh();

        Assert.Equal(0, exitCode);
        Assert.Contains($"{NewName} is already this document (Logto 1.43.0, sha256 {Sha256(_server.Body)}): nothing to do.", stdout, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void MissingOpenApiFolderIsAnError()
    {
        var (exitCode, _, stderr) = Run(null, "refresh", "--server", _server.Origin, "--openapi-folder", Path.Combine(_folder, "missing"));

        Assert.Equal(1, exitCode);
        Assert.Contains("does not exist. Run the command from the repository root, or pass --openapi-folder", stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }
}
