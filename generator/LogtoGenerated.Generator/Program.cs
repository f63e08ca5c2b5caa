using System.Diagnostics;
using LogtoGenerated.Generator;
using LogtoGenerated.Generator.Comparing;
using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Refreshing;

return GeneratorCli.Run(args, Console.Out, Console.Error);

namespace LogtoGenerated.Generator
{
    /// <summary>
    /// The command line: <c>generate</c>, <c>names</c>, <c>diff</c> and <c>refresh</c>. Exit codes: 0 success, 1 an error
    /// (a bad document, a file or server problem), 2 bad usage, 3 breaking changes found by <c>diff</c>.
    /// </summary>
    internal static class GeneratorCli
    {
        /// <summary>The command did what was asked; for <c>diff</c>, no change is breaking.</summary>
        public const int Success = 0;

        /// <summary>A bad or unreadable document, a file problem, or a refresh that failed (nothing was written).</summary>
        public const int Failure = 1;

        /// <summary>Unknown command, missing or unknown option, or an option with a bad value; the usage is printed.</summary>
        public const int BadUsage = 2;

        /// <summary><c>diff</c> found at least one breaking change (marked <c>BREAKING:</c> in its report).</summary>
        public const int BreakingChanges = 3;

        private const string Usage = """
            Usage: LogtoGenerated.Generator generate --document <openapi.json> --output <folder> [--namespace LogtoGenerated] [--base-path /api]
                       (reads names.lock.json and overrides.json next to the document, and writes names.lock.json back)
                   LogtoGenerated.Generator names --document <openapi.json>     (lists the generated type names and the uses of each)
                   LogtoGenerated.Generator diff --old <openapi.json> --new <openapi.json> [--format text|markdown] [--names <folder>]
                       (what changed for users of the client; exit code 3 when a change is breaking; both documents are named
                        and corrected with the names.lock.json, overrides.json and corrections.json of --names, by default the
                        folder of --new; the report ends with the document errors corrected and the corrections that no longer apply)
                   LogtoGenerated.Generator refresh --server <https://your-logto> [--token <access token>] [--logto-version <x.y.z>] [--openapi-folder openapi]
                       (replaces the document in the openapi folder with {server}/api/.well-known/management.openapi.json and updates openapi.lock.json;
                        the token may come from the LOGTO_MANAGEMENT_TOKEN environment variable instead; the version defaults to the document's info.version)
            Exit codes: 0 success, 1 error, 2 bad usage, 3 breaking changes (diff).
            """;

        /// <summary>The options each command takes, and which of them it requires.</summary>
        private static readonly Dictionary<string, (string[] Required, string[] Optional)> Commands = new(StringComparer.Ordinal)
        {
            ["generate"] = (["document", "output"], ["namespace", "base-path"]),
            ["names"] = (["document"], ["namespace", "base-path"]),
            ["diff"] = (["old", "new"], ["format", "names", "namespace", "base-path"]),
            ["refresh"] = (["server"], ["token", "logto-version", "openapi-folder", "namespace", "base-path"]),
        };

        /// <summary>Runs one command.</summary>
        /// <param name="args">The command and its options.</param>
        /// <param name="output">Where results go.</param>
        /// <param name="error">Where errors and the usage go.</param>
        /// <param name="environment">Reads an environment variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
        /// <returns>The exit code.</returns>
        public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?>? environment = null)
        {
            if (args.Length == 0 || !Commands.TryGetValue(args[0], out var command))
            {
                return UsageError(error);
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    return UsageError(error, $"Unexpected argument '{args[i]}'.");
                }

                var name = args[i][2..];
                if (!command.Required.Contains(name) && !command.Optional.Contains(name))
                {
                    return UsageError(error, $"'{args[0]}' has no option --{name}.");
                }

                options[name] = args[++i];
            }

            if (command.Required.FirstOrDefault(r => !options.ContainsKey(r)) is { } missing)
            {
                return UsageError(error, $"'{args[0]}' needs --{missing}.");
            }

            var settings = new GeneratorOptions(
                Namespace: options.GetValueOrDefault("namespace", "LogtoGenerated"),
                BasePath: options.GetValueOrDefault("base-path", "/api"));
            try
            {
                return args[0] switch
                {
                    "generate" => Generate(options["document"], options["output"], settings, output, error),
                    "names" => Names(options["document"], settings, output, error),
                    "diff" => Diff(options, settings, output, error),
                    _ => Refresh(options, settings, output, error, environment ?? Environment.GetEnvironmentVariable),
                };
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: {exception.Message}");
                return Failure;
            }
        }

        private static int Generate(string document, string folder, GeneratorOptions settings, TextWriter output, TextWriter error)
        {
            var stopwatch = Stopwatch.StartNew();
            var namingFolder = FolderOf(document);
            if (Inputs(namingFolder, error) is not { } inputs || Load(document, settings, error, inputs) is not { } model)
            {
                return Failure;
            }

            var files = CodeGenerator.Generate(model, settings);
            var written = OutputWriter.Write(folder, files);
            output.WriteLine($"Generated {files.Count} files ({written} changed) from {Path.GetFileName(document)} in {stopwatch.ElapsedMilliseconds} ms.");

            // The record of names, for the next generation and for review: what was named, renamed and dropped.
            var recordPath = Path.Combine(namingFolder, GeneratorInputs.RecordFileName);
            var before = inputs.Record;
            var after = NamesRecord.Of(model.Types);
            var json = after.ToJson();
            if (!File.Exists(recordPath) || File.ReadAllText(recordPath) != json)
            {
                File.WriteAllText(recordPath, json);
                foreach (var line in before.ChangesTo(after).Lines())
                {
                    output.WriteLine($"{GeneratorInputs.RecordFileName}: {line}");
                }
            }

            return Success;
        }

        private static int Names(string document, GeneratorOptions settings, TextWriter output, TextWriter error)
        {
            if (Inputs(FolderOf(document), error) is not { } inputs || Load(document, settings, error, inputs) is not { } model)
            {
                return Failure;
            }

            var untrue = 0;
            foreach (var type in model.Types.OrderBy(t => t.Folder, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"{type.Folder}/{type.Name} ({type.GetType().Name[..^4]}){(type.NamedByOverride ? " named by " + GeneratorInputs.OverridesFileName : "")}");
                foreach (var use in type.Uses)
                {
                    output.WriteLine($"    {use}");
                }

                if (type.UntrueUses.Length > 0)
                {
                    untrue++;
                    output.WriteLine($"    ! the name is not true to: {string.Join(", ", type.UntrueUses)}");
                }
            }

            // The record's names that this document's types no longer have under the same uses.
            var renamed = inputs.Record.ChangesTo(NamesRecord.Of(model.Types)).Renamed;
            foreach (var (oldName, newName) in renamed)
            {
                output.WriteLine($"renamed {oldName} -> {newName} (was in {GeneratorInputs.RecordFileName})");
            }

            output.WriteLine($"{model.Types.Length} types; {renamed.Count} renamed from {GeneratorInputs.RecordFileName}; "
                + $"{untrue} named after a use some of their uses do not have (marked !; fix with {GeneratorInputs.OverridesFileName}).");
            return Success;
        }

        /// <summary>The folder of a file path, the current folder for a bare file name.</summary>
        private static string FolderOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

        private static int Diff(Dictionary<string, string> options, GeneratorOptions settings, TextWriter output, TextWriter error)
        {
            var format = options.GetValueOrDefault("format", "text") switch
            {
                "text" => ReportFormat.Text,
                "markdown" or "md" => ReportFormat.Markdown,
                _ => (ReportFormat?)null,
            };
            if (format is null)
            {
                return UsageError(error, $"--format must be text or markdown, not '{options["format"]}'.");
            }

            var (oldPath, newPath) = (options["old"], options["new"]);
            // One record names both documents, so a type is reported renamed only when the record itself changed.
            if (Inputs(options.GetValueOrDefault("names") ?? FolderOf(newPath), error) is not { } inputs)
            {
                return Failure;
            }

            var naming = inputs with { RequireAllOverrides = false };
            if (Load(oldPath, settings, error, naming) is not { } oldModel || Load(newPath, settings, error, naming) is not { } newModel)
            {
                return Failure;
            }

            // File names read best; full paths when the names alone do not tell the documents apart.
            var (oldName, newName) = (Path.GetFileName(oldPath), Path.GetFileName(newPath));
            if (oldName == newName)
            {
                (oldName, newName) = (oldPath, newPath);
            }

            var changes = ApiComparer.Compare(oldModel, newModel, oldName, newName);
            output.Write(ChangeReport.Write(changes, format.Value));
            output.Write(CorrectionReport.Write(inputs.Corrections.Items, newModel.Corrections, newName, format.Value));
            return changes.BreakingCount > 0 ? BreakingChanges : Success;
        }

        private static int Refresh(Dictionary<string, string> options, GeneratorOptions settings, TextWriter output, TextWriter error, Func<string, string?> environment)
        {
            if (!Uri.TryCreate(options["server"], UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https")
                || server.UserInfo.Length > 0 || server.Query.Length > 0 || server.Fragment.Length > 0)
            {
                return UsageError(error, $"--server must be the http(s) address of the Logto endpoint, like https://auth.example.com, without credentials, query or fragment; got '{options["server"]}'.");
            }

            var version = options.GetValueOrDefault("logto-version");
            if (version is not null && !DocumentRefresher.IsVersion(version))
            {
                return UsageError(error, $"--logto-version must be a version like 1.42.0, not '{version}'.");
            }

            var token = options.GetValueOrDefault("token") ?? environment(DocumentRefresher.TokenVariable);
            var refresh = new RefreshOptions(server, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), options.GetValueOrDefault("openapi-folder", "openapi"), version);
            try
            {
                DocumentRefresher.Refresh(refresh, settings, output);
                return Success;
            }
            catch (RefreshException exception)
            {
                error.WriteLine($"error: {exception.Message}");
                return Failure;
            }
        }

        /// <summary>The surface spec of a document, built with <paramref name="inputs"/>, or null after printing why it could not be built.</summary>
        private static ApiSpec? Load(string document, GeneratorOptions settings, TextWriter error, GeneratorInputs inputs) =>
            Read(document, stream => CodeGenerator.BuildSpec(stream, settings, inputs), error);

        /// <summary>The record and overrides in <paramref name="folder"/>, or null after printing why they could not be read.</summary>
        private static GeneratorInputs? Inputs(string folder, TextWriter error)
        {
            try
            {
                return GeneratorInputs.FromFolder(folder);
            }
            catch (GeneratorException exception)
            {
                error.WriteLine($"error: {exception.Message}");
                return null;
            }
        }

        /// <summary>
        /// What <paramref name="read"/> makes of a document, or null after printing why the document is bad (a
        /// <see cref="GeneratorException"/>, prefixed with the document's path). File errors are left to the caller.
        /// </summary>
        private static T? Read<T>(string document, Func<Stream, T> read, TextWriter error)
            where T : class
        {
            try
            {
                using var stream = File.OpenRead(document);
                return read(stream);
            }
            catch (GeneratorException exception)
            {
                error.WriteLine($"{document}: error: {exception.Message}");
                return null;
            }
        }

        /// <summary>Prints <paramref name="message"/>, if any, and the usage; returns <see cref="BadUsage"/>.</summary>
        private static int UsageError(TextWriter error, string? message = null)
        {
            if (message is not null)
            {
                error.WriteLine(message);
            }

            error.WriteLine(Usage);
            return BadUsage;
        }
    }
}
