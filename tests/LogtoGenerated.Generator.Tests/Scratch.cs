using LogtoGenerated.Generator;
using LogtoGenerated.Generator.Model;
using LogtoGenerated.Generator.Tests.Support;
public class Scratch
{
    [Fact]
    public void Dump()
    {
        var json = Generator.Document("kitchen-sink.json");
        var m = Generator.BuildModel(json);
        File.WriteAllLines("/tmp/dump.txt", m.Types.Select(t => t.Folder + "/" + t.Name + " " + t.Key));
        var files = Generator.Generate(json);
        if (Directory.Exists("/tmp/gen")) Directory.Delete("/tmp/gen", true);
        foreach (var (k, v) in files) { Directory.CreateDirectory(Path.GetDirectoryName("/tmp/gen/" + k)!); File.WriteAllText("/tmp/gen/" + k, v); }
        var r = GeneratedCompilation.Compile(files);
        File.WriteAllText("/tmp/diag.txt", CompilationResult.Describe(r.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), 100));
    }
}
