namespace LogtoGenerated.TestShared;

/// <summary>
/// Finds System.Text.Json's source generator in the .NET SDK's targeting pack, for tests that compile code with Roslyn
/// the way the SDK does. Compiled into the test projects that do (see their .csproj).
/// </summary>
internal static class JsonSourceGeneratorLocator
{
    /// <summary>System.Text.Json.SourceGeneration.dll of the targeting pack matching the running framework (or the newest one).</summary>
    /// <exception cref="InvalidOperationException">No targeting pack holds it.</exception>
    public static string Path()
    {
        // <dotnet root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var framework = new DirectoryInfo(System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!);
        var dotnetRoot = framework.Parent!.Parent!.Parent!.FullName;
        var packs = System.IO.Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var separator = System.IO.Path.DirectorySeparatorChar;
        var candidates = Directory.Exists(packs)
            ? Directory.GetFiles(packs, "System.Text.Json.SourceGeneration.dll", SearchOption.AllDirectories)
                .Where(path => path.Contains(separator + "cs" + separator, StringComparison.Ordinal))
                .OrderByDescending(path => path.Contains(separator + framework.Name + separator, StringComparison.Ordinal))
                .ThenByDescending(path => path, StringComparer.Ordinal)
                .ToList()
            : [];
        return candidates.FirstOrDefault()
            ?? throw new InvalidOperationException($"The System.Text.Json source generator was not found under {packs}; the .NET SDK's targeting pack is needed to compile code that uses it.");
    }
}
