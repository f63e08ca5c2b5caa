using System.Text;
using System.Text.Json.Nodes;
using LogtoGenerated.Generator.Comparing;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Naming;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// Type names do not move for changes that have nothing to do with a type: variants of Logto's real document compared
/// with <c>diff</c>'s comparer report no renamed type, with the committed record of names and with the rules alone.
/// Also: the record and the overrides are applied, a stale override fails with its path and name, and every type of
/// the real document has a name true to all its uses.
/// </summary>
public sealed class NameStabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("logto-names-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static GeneratorInputs Committed => GeneratorInputs.FromFolder(Path.GetDirectoryName(RepositoryFiles.LogtoDocument)!) with { RequireAllOverrides = false };

    private static JsonObject RealDocument() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.LogtoDocument))!.AsObject();

    private static ApiSpec Build(JsonObject document, GeneratorInputs naming)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        return CodeGenerator.BuildSpec(stream, GeneratorRun.Options, naming);
    }

    private static string[] Renames(JsonObject variant, GeneratorInputs naming)
    {
        var changes = ApiComparer.Compare(Build(RealDocument(), naming), Build(variant, naming), "logto.json", "variant.json");
        return changes.Changes.Where(c => c.Group == ChangeGroup.TypesRenamed).Select(c => c.Subject).ToArray();
    }

    public static TheoryData<bool> WithAndWithoutRecord => new() { true, false };

    private static GeneratorInputs NamingFor(bool withRecord) => withRecord ? Committed : Committed with { Record = NamesRecord.Empty };

    [Theory]
    [MemberData(nameof(WithAndWithoutRecord))]
    public void ReversedPathsRenameNoType(bool withRecord)
    {
        var document = RealDocument();
        var paths = document["paths"]!.AsObject();
        var reversed = new JsonObject();
        foreach (var (path, item) in paths.Reverse().ToList())
        {
            reversed[path] = item!.DeepClone();
        }

        document["paths"] = reversed;

        Assert.Empty(Renames(document, NamingFor(withRecord)));
    }

    [Theory]
    [MemberData(nameof(WithAndWithoutRecord))]
    public void NewOperationReusingExistingShapesRenamesNoType(bool withRecord)
    {
        var document = RealDocument();
        var assign = document["paths"]!["/api/users/{userId}/roles"]!["post"]!.DeepClone().AsObject();
        assign["operationId"] = "AssignWidgetRoles";
        assign["parameters"] = new JsonArray(new JsonObject { ["name"] = "widgetId", ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        document["paths"]!.AsObject()["/api/widgets/{widgetId}/roles"] = new JsonObject { ["post"] = assign };

        Assert.Empty(Renames(document, NamingFor(withRecord)));
    }

    [Theory]
    [MemberData(nameof(WithAndWithoutRecord))]
    public void RemovedOperationRenamesNoType(bool withRecord)
    {
        var document = RealDocument();
        var identity = document["paths"]!["/api/users/{userId}/identities/{target}"]!.AsObject();
        Assert.True(identity.Remove("delete"));

        Assert.Empty(Renames(document, NamingFor(withRecord)));
    }

    [Theory]
    [InlineData("username", true)]
    [InlineData("username", false)]
    [InlineData("isDefault", true)]
    [InlineData("isDefault", false)]
    public void OptionalPropertyAddedToEveryShapeWithAPropertyRenamesNoType(string marker, bool withRecord)
    {
        // Every user-shaped (username) or role-shaped (isDefault) object gains an optional property, as when Logto adds a column.
        var document = RealDocument();
        var changed = 0;
        foreach (var shape in Objects(document).Where(o => o["properties"] is JsonObject p && p.ContainsKey(marker)).ToList())
        {
            shape["properties"]!.AsObject()["addedLater"] = new JsonObject { ["type"] = "string" };
            changed++;
        }

        Assert.True(changed > 3, $"only {changed} shapes have '{marker}'");
        Assert.Empty(Renames(document, NamingFor(withRecord)));
    }

    [Fact]
    public void RulesAloneNameEveryUseAlikeWhateverTheOrderOfTheDocument()
    {
        var document = RealDocument();
        var reversed = RealDocument();
        reversed["paths"] = new JsonObject(document["paths"]!.AsObject().Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        var none = GeneratorInputs.None;
        Assert.Equal(NamesByUse(Build(document, none)), NamesByUse(Build(reversed, none)));
    }

    [Fact]
    public void RealDocumentHasNoTypeNamedAfterAUseItDoesNotHave()
    {
        var model = Build(RealDocument(), Committed);

        var untrue = model.Types.Where(t => t.UntrueUses.Length > 0).Select(t => t.Name).ToList();

        Assert.Empty(untrue);
    }

    [Fact]
    public void RealDocumentHasNoTypeHidingATypeEveryFileSees()
    {
        var model = Build(RealDocument(), Committed);

        Assert.Contains("Action", SystemTypeNames.All);
        Assert.DoesNotContain(model.Types, t => SystemTypeNames.All.Contains(t.Name));
    }

    [Fact]
    public void RecordKeepsTheNameOfTheTypeWithItsUses()
    {
        var document = new OpenApiDocument().Get("/api/things/{id}", "GetThing", response: """{"type":"object","properties":{"id":{"type":"string"}}}""");
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.RecordFileName), """{"types":{"Gadget":["GET /api/things/{id} response"]}}""");

        var model = BuildIn(document);

        Assert.Equal("Gadget", Assert.Single(model.Types).Name);
    }

    [Fact]
    public void RecordedNameOfAGoneTypeIsNotGivenToAnother()
    {
        var document = new OpenApiDocument().Get("/api/things/{id}", "GetThing", response: """{"type":"object","properties":{"id":{"type":"string"}}}""");
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.RecordFileName), """{"types":{"Thing":["GET /api/widgets response"]}}""");

        var model = BuildIn(document);

        Assert.NotEqual("Thing", Assert.Single(model.Types).Name);
    }

    [Fact]
    public void OverrideNamesTheTypeWithThatUse()
    {
        var document = new OpenApiDocument().Get("/api/things/{id}", "GetThing", response: """{"type":"object","properties":{"id":{"type":"string"}}}""");
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.OverridesFileName), """{"types":{"GET /api/things/{id} response":"Widget"}}""");

        var model = BuildIn(document);

        Assert.Equal("Widget", Assert.Single(model.Types).Name);
    }

    [Fact]
    public void StaleOverrideFailsWithItsPathAndName()
    {
        var document = new OpenApiDocument().Get("/api/things/{id}", "GetThing", response: """{"type":"object","properties":{"id":{"type":"string"}}}""");
        var overrides = Path.Combine(_folder, GeneratorInputs.OverridesFileName);
        File.WriteAllText(overrides, """{"types":{"GET /api/gone response":"Gone"}}""");

        var error = Assert.Throws<GeneratorException>(() => BuildIn(document));

        Assert.StartsWith(overrides + "#/types/GET ~1api~1gone response", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Gone'", error.Message, StringComparison.Ordinal);
        Assert.Contains("no type has that use any more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideThatIsNotATypeNameFails()
    {
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.OverridesFileName), """{"types":{"GET /api/things response":"not a name"}}""");

        var error = Assert.Throws<GeneratorException>(() => GeneratorInputs.FromFolder(_folder));

        Assert.Contains("must be a C# type name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateWritesTheRecordAndReportsWhatItRenamed()
    {
        var path = Path.Combine(_folder, "api.openapi.json");
        File.WriteAllText(path, new OpenApiDocument().Get("/api/things/{id}", "GetThing", response: """{"type":"object","properties":{"id":{"type":"string"}}}""").ToJson());
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.OverridesFileName), """{"types":{"GET /api/things/{id} response":"Widget"}}""");
        var output = Path.Combine(_folder, "out");

        var first = GeneratorRun.Cli(["generate", "--document", path, "--output", output]);
        File.WriteAllText(Path.Combine(_folder, GeneratorInputs.OverridesFileName), """{"types":{"GET /api/things/{id} response":"Gadget"}}""");
        var second = GeneratorRun.Cli(["generate", "--document", path, "--output", output]);
        var third = GeneratorRun.Cli(["generate", "--document", path, "--output", output]);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("names.lock.json: named Widget", first.Output, StringComparison.Ordinal);
        Assert.Contains("names.lock.json: renamed Widget -> Gadget", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("names.lock.json", third.Output, StringComparison.Ordinal);
        Assert.Equal(["Gadget"], NamesRecord.Read(Path.Combine(_folder, GeneratorInputs.RecordFileName)).Names.Keys);
    }

    [Fact]
    public void CommittedRecordMatchesTheNamesOfTheRealDocument()
    {
        var model = Build(RealDocument(), Committed);
        var committed = File.ReadAllText(Path.Combine(Path.GetDirectoryName(RepositoryFiles.LogtoDocument)!, GeneratorInputs.RecordFileName));

        Assert.Equal(committed, NamesRecord.Of(model.Types).ToJson());
    }

    private ApiSpec BuildIn(OpenApiDocument document)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJson()));
        return CodeGenerator.BuildSpec(stream, GeneratorRun.Options, GeneratorInputs.FromFolder(_folder));
    }

    private static SortedDictionary<string, string> NamesByUse(ApiSpec model)
    {
        var names = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in model.Types)
        {
            foreach (var use in type.Uses)
            {
                names[use] = type.Name;
            }
        }

        return names;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && o["type"]!.GetValue<string>() == "object")
                {
                    yield return o;
                }

                foreach (var (_, child) in o)
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    foreach (var nested in Objects(child))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
