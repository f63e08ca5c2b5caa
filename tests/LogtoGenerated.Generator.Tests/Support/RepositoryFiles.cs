using System.Text.Json.Nodes;

namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>Files of this repository, found from the test assembly's folder.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogtoGenerated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds LogtoGenerated.sln.");
    });

    private static readonly Lazy<string> LazyLogtoDocument = new(() =>
    {
        var lockFile = Path.Combine(Root, "openapi", "openapi.lock.json");
        var document = JsonNode.Parse(File.ReadAllText(lockFile))?["document"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"{lockFile} names no document (its 'document' property).");
        return Path.Combine(Root, "openapi", document);
    });

    /// <summary>The folder holding <c>LogtoGenerated.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Logto's Management API document vendored in <c>openapi/</c>, as <c>openapi/openapi.lock.json</c> names it.</summary>
    public static string LogtoDocument => LazyLogtoDocument.Value;

    /// <summary>
    /// The hand-written runtime the generated code is compiled with: Http/, Serialization/, Paging/, Search/, the
    /// authentication interface and exception, and the client's own half. Left out: the client-credentials provider, dependency
    /// injection and diagnostics, which the generated code does not use and which need Microsoft.Extensions packages.
    /// </summary>
    public static IReadOnlyList<string> RuntimeSources()
    {
        var project = Path.Combine(Root, "src", "LogtoGenerated");
        return new[] { "Http", "Serialization", "Paging", "Search" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(project, folder), "*.cs"))
            .Append(Path.Combine(project, "Authentication", "IAuthenticationProvider.cs"))
            .Append(Path.Combine(project, "Authentication", "LogtoTokenException.cs"))
            .Append(Path.Combine(project, "LogtoManagementClient.cs"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
