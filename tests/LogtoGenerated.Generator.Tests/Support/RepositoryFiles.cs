namespace LogtoGenerated.Generator.Tests.Support;

/// <summary>Files of this repository the generator tests use (found through <see cref="RepositoryRoot"/>).</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding <c>LogtoGenerated.sln</c>.</summary>
    public static string Root => RepositoryRoot.Path;

    /// <summary>Logto's Management API document vendored in <c>openapi/</c>.</summary>
    public static string LogtoDocument => RepositoryRoot.OpenApiDocument;

    /// <summary>
    /// The hand-written runtime the generated code is compiled with: Http/ (with its Pipeline/), Serialization/, Paging/, Search/, the
    /// endpoint binding of authentication providers, the client's own half and its options (which configure the adapter); authentication itself is the
    /// LogtoGenerated.Authentication assembly. Left out: the providers and dependency injection, which the generated code
    /// does not use.
    /// </summary>
    public static IReadOnlyList<string> RuntimeSources()
    {
        var project = Path.Combine(Root, "src", "LogtoGenerated");
        return new[] { "Http", "Serialization", "Paging", "Search" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(project, folder), "*.cs", SearchOption.AllDirectories))
            .Append(Path.Combine(project, "Authentication", "IEndpointBoundAuthentication.cs"))
            .Append(Path.Combine(project, "LogtoManagementClient.cs"))
            .Append(Path.Combine(project, "LogtoManagementOptions.cs"))
            .Append(Path.Combine(project, "ManagementClientSettings.cs"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
