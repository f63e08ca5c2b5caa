namespace LogtoGenerated.ContractTests.Server;

/// <summary>Files of this repository, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
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

    /// <summary>The folder holding <c>LogtoGenerated.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The one OpenAPI document in <c>openapi/</c>, the generator's input.</summary>
    public static string Document
    {
        get
        {
            var documents = Directory.GetFiles(Path.Combine(Root, "openapi"), "*.openapi.json");
            return documents.Length == 1
                ? documents[0]
                : throw new InvalidOperationException($"openapi/ must hold exactly one *.openapi.json document; found {documents.Length}.");
        }
    }

    /// <summary>The npm project pinning Prism (<c>package.json</c>, <c>package-lock.json</c>) and its launcher <c>run-prism.js</c>.</summary>
    public static string PrismFolder => Path.Combine(Root, "tests", "LogtoGenerated.ContractTests", "prism");
}
