using System.Security.Cryptography;
using System.Text.Json;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Repository;

/// <summary>The vendored API document is exactly the one its lock file records.</summary>
public sealed class OpenApiLockTests
{
    [Fact]
    public void Document_MatchesTheSha256InTheLockFile()
    {
        var openapi = Path.Combine(RepositoryRoot.Path, "openapi");
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(openapi, "openapi.lock.json")));
        var name = lockFile.RootElement.GetProperty("document").GetString()!;
        var expected = lockFile.RootElement.GetProperty("sha256").GetString()!;

        var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(openapi, name))));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LockFile_RecordsTheLogtoVersionAndWhereTheDocumentCameFrom()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "openapi", "openapi.lock.json")));
        var root = lockFile.RootElement;

        Assert.Matches(@"^\d+\.\d+\.\d+$", root.GetProperty("logtoVersion").GetString());
        Assert.Contains("/api/.well-known/management.openapi.json", root.GetProperty("source").GetString(), StringComparison.Ordinal);
        var document = root.GetProperty("document").GetString()!;
        Assert.Contains(root.GetProperty("logtoVersion").GetString()!, document, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "openapi", document)), "the lock file names a document that is not in openapi/");
    }
}
