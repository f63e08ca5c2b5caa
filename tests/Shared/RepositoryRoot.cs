namespace LogtoGenerated.TestShared;

/// <summary>
/// The repository's folders, found from the test assembly's location. One file, compiled into every test project
/// (see tests/Directory.Build.props).
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "LogtoGenerated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds LogtoGenerated.sln.");
    });

    /// <summary>The folder holding <c>LogtoGenerated.sln</c>.</summary>
    public static string Path => Root.Value;

    /// <summary>A path below the repository root, from its segments.</summary>
    public static string Combine(params string[] segments) => System.IO.Path.Combine([Path, .. segments]);

    /// <summary>The one OpenAPI document in <c>openapi/</c>, the generator's input (as the library's build finds it).</summary>
    public static string OpenApiDocument
    {
        get
        {
            string[] documents = Directory.GetFiles(Combine("openapi"), "*.openapi.json");
            return documents.Length == 1
                ? documents[0]
                : throw new InvalidOperationException($"openapi/ must hold exactly one *.openapi.json document; found {documents.Length}.");
        }
    }
}
