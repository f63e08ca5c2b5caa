using System.Text;

namespace LogtoGenerated.Generator.Emitting;

/// <summary>Writes generated files to the output folder: changed files only, and stale generated files removed.</summary>
internal static class OutputWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <returns>How many files were written or deleted.</returns>
    public static int Write(string outputFolder, IReadOnlyDictionary<string, string> files)
    {
        var root = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(root);
        var changed = 0;
        foreach (var (relativePath, content) in files)
        {
            var path = Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar));
            var bytes = Utf8NoBom.GetBytes(content);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            changed++;
        }

        // Only *.cs files are ours: anything else in the folder is left alone.
        var expected = files.Keys.Select(k => Path.Combine(root, k.Replace('/', Path.DirectorySeparatorChar))).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !expected.Contains(f)).ToList())
        {
            File.Delete(stale);
            changed++;
        }

        foreach (var directory in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }

        return changed;
    }
}
