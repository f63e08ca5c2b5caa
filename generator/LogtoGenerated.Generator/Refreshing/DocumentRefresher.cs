using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LogtoGenerated.Generator.Comparing;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;

namespace LogtoGenerated.Generator.Refreshing;

/// <summary>Settings of one refresh.</summary>
/// <param name="Server">The Logto endpoint, e.g. <c>https://auth.example.com</c>.</param>
/// <param name="Token">A bearer token sent with the request, or null to send none.</param>
/// <param name="OpenApiFolder">The folder holding the document and <c>openapi.lock.json</c>.</param>
/// <param name="LogtoVersion">The Logto version to record, or null to read it from the document's <c>info.version</c>.</param>
internal sealed record RefreshOptions(Uri Server, string? Token, string OpenApiFolder, string? LogtoVersion);

/// <summary>A refresh that could not be done. The openapi folder was left as it was.</summary>
/// <param name="message">What went wrong and how to fix it.</param>
internal sealed class RefreshException(string message) : Exception(message);

/// <summary>
/// Replaces the vendored document with the one a Logto server serves: fetches it, checks that the generator
/// accepts it, writes it byte for byte as <c>logto-&lt;version&gt;-management.openapi.json</c>, removes the previous
/// document and rewrites <c>openapi.lock.json</c>. Nothing is written unless the new document is accepted.
/// </summary>
internal static partial class DocumentRefresher
{
    /// <summary>Where Logto serves its Management API document, relative to the endpoint.</summary>
    public const string DocumentPath = "api/.well-known/management.openapi.json";

    public const string LockFileName = "openapi.lock.json";

    /// <summary>The folder, inside the openapi folder, the documents of earlier releases are moved to.</summary>
    public const string HistoryFolderName = "history";

    /// <summary>The environment variable holding the bearer token when <c>--token</c> is not given.</summary>
    public const string TokenVariable = "LOGTO_MANAGEMENT_TOKEN";

    /// <summary>The document's address on a Logto server: <c>{server}/api/.well-known/management.openapi.json</c>.</summary>
    public static Uri DocumentUri(Uri server) => new(server.AbsoluteUri.TrimEnd('/') + "/" + DocumentPath);

    /// <summary>True for a version the lock file can record and a file name can carry: <c>1.42.0</c>.</summary>
    public static bool IsVersion(string? version) => version is not null && VersionPattern().IsMatch(version);

    /// <summary>Refreshes the openapi folder and reports what changed on <paramref name="output"/>.</summary>
    /// <exception cref="RefreshException">The document could not be fetched or is not accepted; nothing was written.</exception>
    public static void Refresh(RefreshOptions options, GeneratorOptions generator, TextWriter output)
    {
        var folder = options.OpenApiFolder;
        var unchanged = $"{Display(folder)} was left unchanged.";
        if (!Directory.Exists(folder))
        {
            throw new RefreshException($"the folder '{folder}' does not exist. Run the command from the repository root, or pass --openapi-folder with the folder holding {LockFileName}.");
        }

        var uri = DocumentUri(options.Server);
        var (bytes, mediaType) = Fetch(uri, options.Token, unchanged);
        var documentVersion = DocumentVersion(bytes, uri, mediaType, unchanged);
        var (model, naming) = AcceptedSpec(bytes, uri, folder, generator, unchanged);
        var logtoVersion = VersionToRecord(options.LogtoVersion, documentVersion, unchanged);
        var update = PlanUpdate(folder, bytes, logtoVersion, uri);

        output.WriteLine($"Fetched {uri}: {bytes.Length} bytes, {model.Operations().Count()} operations, {model.Types.Length} types.");
        if (update.NothingToDo)
        {
            output.WriteLine($"{Display(Path.Combine(folder, update.NewDocument))} is already this document (Logto {logtoVersion}, sha256 {update.Sha256}): nothing to do.");
            return;
        }

        // Compared before anything is written, while the old document is still there.
        var changes = update.OldDocument is not null && (update.DocumentChanged || update.OldDocument != update.NewDocument)
            ? Compare(Path.Combine(folder, update.OldDocument), model, update.NewDocument, generator, naming)
            : null;

        WriteUpdate(update, bytes);
        ReportUpdate(update, changes, output);
    }

    /// <summary>The document's <c>info.version</c>, or null when it has none; throws when the body is not JSON.</summary>
    private static string? DocumentVersion(byte[] bytes, Uri uri, string? mediaType, string unchanged)
    {
        try
        {
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("info", out var info) && info.ValueKind == JsonValueKind.Object
                && info.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.String
                    ? version.GetString()
                    : null;
        }
        catch (JsonException exception)
        {
            throw new RefreshException(
                $"{uri} did not answer with JSON ({mediaType ?? "no content type"}; {exception.Message}). It begins: {Preview(bytes)}. " +
                $"Check that --server is the Logto endpoint (for example https://auth.example.com), not the console or a page in front of it. {unchanged}");
        }
    }

    /// <summary>
    /// The model the generator builds from the fetched document with the folder's names, and those names; throws when
    /// the generator does not accept the document.
    /// </summary>
    private static (ApiSpec Model, GeneratorInputs Naming) AcceptedSpec(byte[] bytes, Uri uri, string folder, GeneratorOptions generator, string unchanged)
    {
        try
        {
            var naming = Naming(folder);
            using var stream = new MemoryStream(bytes, writable: false);
            return (CodeGenerator.BuildSpec(stream, generator, naming), naming);
        }
        catch (GeneratorException exception)
        {
            throw new RefreshException($"{uri} answered with a document the generator does not accept: {Sentence(exception.Message)} {unchanged}");
        }
    }

    /// <summary>The Logto version to record: the one given, else the document's <c>info.version</c>; throws when that is no version.</summary>
    private static string VersionToRecord(string? given, string? documentVersion, string unchanged)
    {
        var logtoVersion = given ?? documentVersion;
        if (!IsVersion(logtoVersion))
        {
            var found = documentVersion is null ? "the document has no info.version" : $"the document's info.version is \"{documentVersion}\", not a Logto version";
            throw new RefreshException(
                $"{found} (Logto writes \"Cloud\" there). Pass the version of the Logto server you fetched it from, for example --logto-version 1.43.0. {unchanged}");
        }

        return logtoVersion!;
    }

    private static (byte[] Bytes, string? MediaType) Fetch(Uri uri, string? token, string unchanged)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("LogtoGenerated.Generator", null));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = client.Send(request);
            using var body = new MemoryStream();
            response.Content.ReadAsStream().CopyTo(body);
            var bytes = body.ToArray();
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    return (bytes, response.Content.Headers.ContentType?.MediaType);
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when token is null:
                    throw new RefreshException(
                        $"{uri} answered {status}: the server wants an access token. Pass a Management API access token with --token <token> or the {TokenVariable} environment variable. {unchanged}");
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new RefreshException(
                        $"{uri} answered {status}: the server refused the access token. Check that it is a current Management API access token (with the 'all' scope). {unchanged}");
                case HttpStatusCode.NotFound:
                    throw new RefreshException(
                        $"{uri} answered {status}: check that --server is the Logto endpoint (for example https://auth.example.com, without /api) and that this Logto serves its Management API document there. {unchanged}");
                default:
                    throw new RefreshException($"{uri} answered {status}{(bytes.Length > 0 ? ": " + Preview(bytes) : "")}. {unchanged}");
            }
        }
        catch (HttpRequestException exception)
        {
            throw new RefreshException($"could not reach {uri}: {Sentence(exception.Message)} Check --server and that the server is running. {unchanged}");
        }
        catch (OperationCanceledException)
        {
            throw new RefreshException($"{uri} did not answer within {client.Timeout.TotalMinutes:0} minutes. {unchanged}");
        }
    }

    /// <summary>A one-line summary of the changes from the old document, or why there is none.</summary>
    private static string Compare(string oldPath, ApiSpec newModel, string newName, GeneratorOptions generator, GeneratorInputs naming)
    {
        try
        {
            using var stream = File.OpenRead(oldPath);
            var oldModel = CodeGenerator.BuildSpec(stream, generator, naming);
            return ApiComparer.Compare(oldModel, newModel, Path.GetFileName(oldPath), newName).Summary();
        }
        catch (Exception exception) when (exception is GeneratorException or IOException)
        {
            return $"unknown, the old document could not be read ({exception.Message})";
        }
    }

    /// <summary>
    /// The committed names of the folder, for both documents: the old one gets the names its uses have today, so the
    /// summary reports a rename only where the new document moves a use. Overrides the new document no longer needs are
    /// the next build's to report.
    /// </summary>
    private static GeneratorInputs Naming(string folder) => GeneratorInputs.FromFolder(folder) with { RequireAllOverrides = false };

    /// <summary>The start of a body, on one line, for error messages.</summary>
    private static string Preview(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 120));
        var line = Whitespace().Replace(text, " ").Trim();
        return "'" + line + (bytes.Length > 120 ? "..." : "") + "'";
    }

    /// <summary>The message ending with exactly one period.</summary>
    private static string Sentence(string message) => message.TrimEnd().TrimEnd('.') + ".";

    private static string Display(string path) => path.Replace('\\', '/');

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
