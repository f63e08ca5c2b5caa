using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LogtoGenerated.Generator.Refreshing;

/// <summary>What a refresh changes in the openapi folder, worked out before anything is written.</summary>
/// <param name="Folder">The openapi folder.</param>
/// <param name="OldDocument">
/// The document the fetched one replaces: the one the lock file names, else the folder's only one; null when there is none.
/// </param>
/// <param name="OldVersion">The Logto version of the old document, from the lock file or else its file name.</param>
/// <param name="NewDocument">The file name of the fetched document: <c>logto-&lt;version&gt;-management.openapi.json</c>.</param>
/// <param name="LogtoVersion">The Logto version the fetched document is recorded as.</param>
/// <param name="Sha256">The SHA-256 of the fetched document, in lowercase hex.</param>
/// <param name="LockText">The lock file recording the fetched document.</param>
/// <param name="DocumentChanged">True when the folder does not hold the fetched document byte for byte.</param>
/// <param name="LockChanged">True when the lock file is missing or says something other than <c>LockText</c>.</param>
/// <param name="Stale">
/// The folder's other documents (the previous release's), which the refresh moves into <see cref="DocumentRefresher.HistoryFolderName"/>:
/// the history the names are checked against (<c>NameHistoryTests</c>).
/// </param>
internal sealed record FolderUpdate(
    string Folder,
    string? OldDocument,
    string? OldVersion,
    string NewDocument,
    string LogtoVersion,
    string Sha256,
    string LockText,
    bool DocumentChanged,
    bool LockChanged,
    IReadOnlyList<string> Stale)
{
    /// <summary>Where the fetched document goes.</summary>
    public string NewPath => Path.Combine(Folder, NewDocument);

    /// <summary>Where the lock file goes.</summary>
    public string LockPath => Path.Combine(Folder, DocumentRefresher.LockFileName);

    /// <summary>True when the folder already holds the fetched document, its lock file and no other document.</summary>
    public bool NothingToDo => !DocumentChanged && !LockChanged && Stale.Count == 0;
}

internal static partial class DocumentRefresher
{
    /// <summary>What writing the fetched document into <paramref name="folder"/> changes there; reads the folder, writes nothing.</summary>
    private static FolderUpdate PlanUpdate(string folder, byte[] bytes, string logtoVersion, Uri uri)
    {
        var existing = Directory.GetFiles(folder, "*.openapi.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var lockPath = Path.Combine(folder, LockFileName);
        var (lockedDocument, lockedVersion) = ReadLock(lockPath);
        var oldDocument = lockedDocument is not null && existing.Contains(lockedDocument) ? lockedDocument : existing.Count == 1 ? existing[0] : null;
        var oldVersion = lockedVersion ?? (oldDocument is null ? null : FileVersion().Match(oldDocument) is { Success: true } m ? m.Groups[1].Value : null);

        var newDocument = $"logto-{logtoVersion}-management.openapi.json";
        var newPath = Path.Combine(folder, newDocument);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var lockText = LockText(newDocument, logtoVersion, $"GET {uri.AbsoluteUri}", sha256);
        var documentChanged = !File.Exists(newPath) || !File.ReadAllBytes(newPath).AsSpan().SequenceEqual(bytes);
        var lockChanged = !File.Exists(lockPath) || File.ReadAllText(lockPath) != lockText;
        var stale = existing.Where(f => f != newDocument).ToList();
        return new FolderUpdate(folder, oldDocument, oldVersion, newDocument, logtoVersion, sha256, lockText, documentChanged, lockChanged, stale);
    }

    /// <summary>Writes the fetched document and the lock file where they changed, and moves the stale documents into the history folder.</summary>
    private static void WriteUpdate(FolderUpdate update, byte[] bytes)
    {
        if (update.DocumentChanged)
        {
            WriteReplacing(update.NewPath, bytes);
        }

        if (update.LockChanged)
        {
            WriteReplacing(update.LockPath, Encoding.UTF8.GetBytes(update.LockText));
        }

        foreach (var file in update.Stale)
        {
            Directory.CreateDirectory(Path.Combine(update.Folder, HistoryFolderName));
            File.Move(Path.Combine(update.Folder, file), Path.Combine(update.Folder, HistoryFolderName, file), overwrite: true);
        }
    }

    /// <summary>Reports the versions, the files written, removed and updated, the changes for users, and what to do next.</summary>
    private static void ReportUpdate(FolderUpdate update, string? changes, TextWriter output)
    {
        var folder = update.Folder;
        output.WriteLine(update.OldVersion == update.LogtoVersion
            ? $"Logto {update.LogtoVersion} (the same version{(update.DocumentChanged ? "; the document changed" : "")})"
            : $"Logto {update.OldVersion ?? "(none)"} -> {update.LogtoVersion}");
        if (update.DocumentChanged)
        {
            output.WriteLine($"  wrote   {Display(update.NewPath)} (sha256 {update.Sha256})");
        }

        foreach (var file in update.Stale)
        {
            output.WriteLine($"  moved   {Display(Path.Combine(folder, file))} -> {Display(Path.Combine(folder, HistoryFolderName, file))}");
        }

        if (update.LockChanged)
        {
            output.WriteLine($"  updated {Display(update.LockPath)}");
        }

        if (changes is not null)
        {
            output.WriteLine($"Changes for users of the client: {changes}.");
        }

        output.WriteLine("Next:");
        if (update.OldDocument is not null && update.DocumentChanged)
        {
            var old = Display(Path.IsPathRooted(folder) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.Combine(folder, update.OldDocument)) : Path.Combine(folder, update.OldDocument));
            output.WriteLine("  see what changed for users of the client, against the committed document:");
            output.WriteLine($"    git show HEAD:./{old} > /tmp/logto-old.openapi.json");
            output.WriteLine($"    dotnet run --project generator/LogtoGenerated.Generator -- diff --old /tmp/logto-old.openapi.json --new {Display(update.NewPath)}");
        }

        output.WriteLine("  regenerate the client: dotnet build LogtoGenerated.sln");
        output.WriteLine("  then review git diff src/LogtoGenerated/Generated, run dotnet test LogtoGenerated.sln and commit.");
    }

    /// <summary>The document and version the lock file records; nulls for what it lacks or when it cannot be read.</summary>
    private static (string? Document, string? Version) ReadLock(string path)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return (String(json.RootElement, "document"), String(json.RootElement, "logtoVersion"));
        }
        catch (JsonException)
        {
            return (null, null);
        }

        static string? String(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The lock file: two-space indentation, LF line endings, a final newline.</summary>
    public static string LockText(string document, string logtoVersion, string source, string sha256)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("document", document);
            writer.WriteString("logtoVersion", logtoVersion);
            writer.WriteString("source", source);
            writer.WriteString("sha256", sha256);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes next to the target and moves over it, so that the target is never half written.</summary>
    private static void WriteReplacing(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", "." + Path.GetFileName(path) + ".tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    [GeneratedRegex(@"^logto-(.+)-management\.openapi\.json$")]
    private static partial Regex FileVersion();
}
