namespace LogtoGenerated.ContractTests.Server;

/// <summary>The contract tests' own files in the repository (the root and the document: <see cref="RepositoryRoot"/>).</summary>
internal static class RepositoryPaths
{
    /// <summary>The npm project pinning Prism (<c>package.json</c>, <c>package-lock.json</c>) and its launcher <c>run-prism.js</c>.</summary>
    public static string PrismFolder => RepositoryRoot.Combine("tests", "LogtoGenerated.ContractTests", "prism");
}
