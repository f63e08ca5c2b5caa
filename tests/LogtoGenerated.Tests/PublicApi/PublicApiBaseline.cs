using System.Text;

namespace LogtoGenerated.Tests.PublicApi;

/// <summary>
/// The committed public API of each package's assembly, one file per target framework in <c>src/&lt;package&gt;/PublicApi/</c>,
/// and the way to accept a change to it.
/// </summary>
internal static class PublicApiBaseline
{
    /// <summary>Set to <c>1</c>, the public API test rewrites the committed files with the current API instead of comparing.</summary>
    public const string AcceptVariable = "LOGTO_ACCEPT_PUBLIC_API";

    /// <summary>The command, run from the repository root, that rewrites the committed files with the current API.</summary>
    public const string AcceptCommand = AcceptVariable + "=1 dotnet test tests/LogtoGenerated.Tests --filter PublicApi";

    /// <summary>The library's target frameworks, each with its own file.</summary>
    public static readonly string[] TargetFrameworks = ["net10.0", "net8.0"];

    /// <summary>The library, the assembly of the main package.</summary>
    public const string Library = "LogtoGenerated";

    /// <summary>The assemblies whose public API is committed: the two packages', each built for <see cref="TargetFrameworks"/>.</summary>
    public static readonly string[] Assemblies = [Library, "LogtoGenerated.Authentication", "LogtoGenerated.Kiota", "LogtoGenerated.AspNetCore"];

    /// <summary>At most this many added and removed lines are quoted in a failure message.</summary>
    private const int QuotedLines = 40;

    /// <summary>Whether this test run accepts the current API (<see cref="AcceptVariable"/> is <c>1</c> or <c>true</c>).</summary>
    public static bool Accepting =>
        Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true" or "TRUE" or "True";

    /// <summary>The committed file of an assembly and target framework, <c>src/&lt;assembly&gt;/PublicApi/&lt;framework&gt;.txt</c>.</summary>
    public static string FilePath(string targetFramework, string assembly = Library) =>
        RepositoryRoot.Combine("src", assembly, "PublicApi", targetFramework + ".txt");

    /// <summary>An assembly built for a target framework, as the test project's build copies it (see its .csproj).</summary>
    public static string AssemblyPath(string targetFramework, string assembly = Library) =>
        Path.Combine(AppContext.BaseDirectory, "public-api", targetFramework, assembly + ".dll");

    /// <summary>The committed text with LF line endings, or <see langword="null"/> when there is no file.</summary>
    public static string? ReadCommitted(string targetFramework, string assembly = Library)
    {
        string path = FilePath(targetFramework, assembly);
        return File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
    }

    /// <summary>Writes the text as the committed file: UTF-8 without a byte order mark, LF line endings.</summary>
    public static void Write(string targetFramework, string text, string assembly = Library)
    {
        string path = FilePath(targetFramework, assembly);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>
    /// The failure message for a public API that differs from the committed file: which file, the lines removed from
    /// and added to it (the first <see cref="QuotedLines"/> of each), and how to accept the change.
    /// </summary>
    public static string DescribeDifference(string targetFramework, string? committed, string current, string assembly = Library)
    {
        string file = $"src/{assembly}/PublicApi/{targetFramework}.txt";
        var message = new StringBuilder();
        if (committed is null)
        {
            message.Append($"There is no committed public API {(assembly == Library ? "" : "of " + assembly + " ")}for {targetFramework} ({file}).\n");
        }
        else
        {
            List<string> removed = MultisetExcept(Lines(committed), Lines(current));
            List<string> added = MultisetExcept(Lines(current), Lines(committed));
            message.Append($"The public API of {assembly} for {targetFramework} differs from {file}: ");
            message.Append($"{removed.Count} line(s) removed, {added.Count} line(s) added.\n");
            AppendLines(message, "Removed (in the committed file, not in the library):", "- ", removed);
            AppendLines(message, "Added (in the library, not in the committed file):", "+ ", added);
        }

        message.Append('\n');
        message.Append("If the change is intended, accept it by rewriting the committed files (from the repository root):\n");
        message.Append("    ").Append(AcceptCommand).Append('\n');
        message.Append($"then review `git diff src/{assembly}/PublicApi` and commit the files with the change.");
        return message.ToString();
    }

    private static void AppendLines(StringBuilder message, string title, string prefix, List<string> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }

        message.Append(title).Append('\n');
        foreach (string line in lines.Take(QuotedLines))
        {
            message.Append(prefix).Append(line.Trim()).Append('\n');
        }

        if (lines.Count > QuotedLines)
        {
            message.Append($"  ... and {lines.Count - QuotedLines} more\n");
        }
    }

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>The lines of <paramref name="lines"/> not matched, one for one, by a line of <paramref name="other"/>; in their order.</summary>
    private static List<string> MultisetExcept(string[] lines, string[] other)
    {
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in other)
        {
            available[line] = available.GetValueOrDefault(line) + 1;
        }

        var result = new List<string>();
        foreach (string line in lines)
        {
            if (available.GetValueOrDefault(line) > 0)
            {
                available[line]--;
            }
            else if (line.Trim().Length > 0)
            {
                result.Add(line);
            }
        }

        return result;
    }
}
