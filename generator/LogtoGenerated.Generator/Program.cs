using System.Diagnostics;
using LogtoGenerated.Generator;
using LogtoGenerated.Generator.Emitting;

return GeneratorCli.Run(args, Console.Out, Console.Error);

namespace LogtoGenerated.Generator
{
    /// <summary>The command line: <c>generate --document FILE --output DIR</c>.</summary>
    internal static class GeneratorCli
    {
        private const string Usage = """
            Usage: LogtoGenerated.Generator generate --document <openapi.json> --output <folder> [--namespace LogtoGenerated] [--base-path /api]
                   LogtoGenerated.Generator names --document <openapi.json>     (lists the generated type names and what they come from)
            """;

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            if (args.Length == 0 || args[0] is not ("generate" or "names"))
            {
                error.WriteLine(Usage);
                return 2;
            }

            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                {
                    error.WriteLine($"Unexpected argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return 2;
                }

                options[args[i][2..]] = args[++i];
            }

            if (!options.TryGetValue("document", out var document) || (args[0] == "generate" && !options.ContainsKey("output")))
            {
                error.WriteLine(Usage);
                return 2;
            }

            var settings = new GeneratorOptions(
                Namespace: options.GetValueOrDefault("namespace", "LogtoGenerated"),
                BasePath: options.GetValueOrDefault("base-path", "/api"));
            try
            {
                var stopwatch = Stopwatch.StartNew();
                using var stream = File.OpenRead(document);
                if (args[0] == "names")
                {
                    foreach (var type in CodeGenerator.BuildModel(stream, settings).Types.OrderBy(t => t.Folder, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal))
                    {
                        output.WriteLine($"{type.Folder}/{type.Name} ({type.GetType().Name[..^4]}) <- {string.Join(", ", type.Candidates.Select(c => c.Name ?? (c.Parent?.Name + "." + c.Member)).Distinct().Take(4))}");
                    }

                    return 0;
                }

                var files = CodeGenerator.Generate(stream, settings);
                var written = OutputWriter.Write(options["output"], files);
                output.WriteLine($"Generated {files.Count} files ({written} changed) from {Path.GetFileName(document)} in {stopwatch.ElapsedMilliseconds} ms.");
                return 0;
            }
            catch (GeneratorException exception)
            {
                error.WriteLine($"{document}: error: {exception.Message}");
                return 1;
            }
            catch (IOException exception)
            {
                error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        }
    }
}
