namespace LogtoGenerated.Tests.TestSupport;

/// <summary>Where the repository's folders are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>LogtoGenerated.sln</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path below the repository root, from its segments.</summary>
    public static string Combine(params string[] segments) => Path.Combine([Root, .. segments]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LogtoGenerated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LogtoGenerated.sln not found above " + AppContext.BaseDirectory);
    }
}
