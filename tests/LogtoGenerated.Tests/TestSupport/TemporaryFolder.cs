namespace LogtoGenerated.Tests.TestSupport;

/// <summary>The temporary folders the build tests work in.</summary>
internal static class TemporaryFolder
{
    /// <summary>A new, empty folder under the system's temporary folder, its name starting with <paramref name="prefix"/>.</summary>
    public static string Create(string prefix)
    {
        string path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Deletes the folder and what it holds; one left behind (a file still open, say) is harmless.</summary>
    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
