using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// PATCH bodies tell "not set" from "set to null": which types and properties track it, what is generated for them,
/// and how the generated code (compiled with the JSON source generator, then run) writes and reads them.
/// </summary>
public class PresenceTrackingTests
{
    private const string JsonSerialization = "global::System.Text.Json.Serialization";

    private const string UpdateThingBody = """
        {
          "type": "object",
          "required": ["version", "note"],
          "properties": {
            "name": { "type": "string", "nullable": true },
            "description": { "type": "string" },
            "rank": { "type": "integer", "nullable": true },
            "state": { "type": "string", "enum": ["on", "off"], "nullable": true },
            "kind": { "type": "string", "format": "\"Thing\"", "nullable": true },
            "owner": {
              "type": "object",
              "nullable": true,
              "required": ["ownerId"],
              "properties": { "ownerId": { "type": "string" }, "ownerLabel": { "type": "string", "nullable": true } }
            },
            "tags": {
              "type": "array",
              "nullable": true,
              "items": { "type": "object", "properties": { "tagValue": { "type": "string", "nullable": true } } }
            },
            "version": { "type": "integer" },
            "note": { "type": "string", "nullable": true }
          }
        }
        """;

    private const string Thing = """
        { "type": "object", "required": ["id"], "properties": { "id": { "type": "string" }, "name": { "type": "string", "nullable": true } } }
        """;

    private const string Widget = """
        { "type": "object", "required": ["widgetId"], "properties": { "widgetId": { "type": "string" }, "label": { "type": "string", "nullable": true } } }
        """;

    private const string Gadget = """
        { "type": "object", "properties": { "gadgetLabel": { "type": "string", "nullable": true } } }
        """;

    private const string Sprocket = """
        { "type": "object", "properties": { "sprocketLabel": { "type": "string", "nullable": true } } }
        """;

    private static readonly OpenApiDocument Document = new OpenApiDocument()
        .Get("/api/things/{id}", "GetThing", response: Thing)
        .Patch("/api/things/{id}", "UpdateThing", body: UpdateThingBody, response: Thing)
        .Get("/api/widgets", "ListWidgets", response: "{ \"type\": \"array\", \"items\": " + Widget + " }")
        .Post("/api/gadgets", "CreateGadget", body: Gadget)
        .Put("/api/sprockets/{id}", "ReplaceSprocket", body: Sprocket);

    private static readonly ApiSpec Model = Document.BuildSpec();

    private static readonly SortedDictionary<string, string> Files = Document.Generate();

    private static readonly Lazy<LoadedModels> Loaded = new(() =>
    {
        var result = GeneratedCompilation.Compile(Files);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, CompilationResult.Describe(problems));
        return new LoadedModels(result.Load());
    });

    private static ObjectSpec Body => (ObjectSpec)Model.BodyType("UpdateThing");

    [Fact]
    public void PatchBodyTypeTracksPresence()
    {
        Assert.True(Body.TracksPresence);
    }

    [Fact]
    public void ResponseTypesAndBodiesOfOtherMethodsDoNotTrackPresence()
    {
        Assert.False(((ObjectSpec)Model.ResponseType("GetThing")).TracksPresence);
        Assert.False(((ObjectSpec)Model.ResponseType("ListWidgets")).TracksPresence);
        Assert.False(((ObjectSpec)Model.BodyType("CreateGadget")).TracksPresence);
        Assert.False(((ObjectSpec)Model.BodyType("ReplaceSprocket")).TracksPresence);
        Assert.All(
            Model.Types.OfType<ObjectSpec>().Where(t => !t.TracksPresence).SelectMany(t => t.Properties),
            p => Assert.False(p.TracksPresence, p.WireName + " tracks presence in a type that does not."));
    }

    [Fact]
    public void ObjectsNestedInAPatchBodyTrackPresence_ThroughPropertiesAndListItems()
    {
        Assert.True(((ObjectSpec)Body.Property("owner").Type.ModelOf()).TracksPresence);
        Assert.True(((ObjectSpec)Body.Property("tags").Type.ModelOf()).TracksPresence);
    }

    [Fact]
    public void ObjectAlternativesOfAUnionInAPatchBodyTrackPresence()
    {
        var model = new OpenApiDocument()
            .Patch("/api/things/{id}", "UpdateThing", body: """
                {
                  "type": "object",
                  "properties": {
                    "payload": {
                      "oneOf": [
                        { "type": "object", "required": ["type"], "properties": { "type": { "type": "string", "format": "\"A\"" }, "a": { "type": "string", "nullable": true } } },
                        { "type": "object", "required": ["type"], "properties": { "type": { "type": "string", "format": "\"B\"" }, "b": { "type": "string", "nullable": true } } }
                      ]
                    }
                  }
                }
                """)
            .BuildSpec();

        var union = Assert.IsType<UnionSpec>(((ObjectSpec)model.BodyType("UpdateThing")).Property("payload").Type.ModelOf());

        Assert.All(union.Alternatives, a => Assert.True(((ObjectSpec)a.Type.ModelOf()).TracksPresence, a.Name + " does not track presence."));
        Assert.Equal(["a", "b"], union.Alternatives.SelectMany(a => ((ObjectSpec)a.Type.ModelOf()).Properties).Where(p => p.TracksPresence).Select(p => p.WireName));
    }

    [Theory]
    [InlineData("name", true)]
    [InlineData("rank", true)]
    [InlineData("state", true)]
    [InlineData("owner", true)]
    [InlineData("tags", true)]
    [InlineData("description", false)] // optional but not nullable: null cannot be sent, so it is left out as before
    [InlineData("kind", false)] // a literal: always its one value
    [InlineData("version", false)] // required: always written
    [InlineData("note", false)] // required and nullable: always written, null included
    public void OnlyOptionalNullablePropertiesTrackPresence(string wireName, bool tracked)
    {
        Assert.Equal(tracked, Body.Property(wireName).TracksPresence);
    }

    [Fact]
    public void TrackedPropertyIsAPlainPropertyForCallers_BackedByAnInternalPresenceThatIsSerialized()
    {
        var source = new GeneratedSource(Files.ModelFile(Body.Name));

        var name = source.Property("Name");
        Assert.Equal("public string? Name", GeneratedSource.Signature(name));
        Assert.Equal([JsonSerialization + ".JsonIgnore"], GeneratedSource.Attributes(name));
        Assert.Contains("Set it to <see langword=\"null\"/> to clear it", name.GetLeadingTrivia().ToFullString(), StringComparison.Ordinal);

        var presence = source.Property("NamePresence");
        Assert.Equal("internal global::LogtoGenerated.Serialization.Presence<string?> NamePresence", GeneratedSource.Signature(presence));
        Assert.Equal(
            [
                JsonSerialization + ".JsonPropertyName(\"name\")",
                JsonSerialization + ".JsonInclude",
                JsonSerialization + ".JsonIgnore(Condition = " + JsonSerialization + ".JsonIgnoreCondition.WhenWritingDefault)",
                JsonSerialization + ".JsonConverter(typeof(global::LogtoGenerated.Serialization.PresenceConverter<string?>))",
            ],
            GeneratedSource.Attributes(presence));
    }

    [Fact]
    public void UntrackedPropertiesAndTypesAreGeneratedAsBefore()
    {
        var description = new GeneratedSource(Files.ModelFile(Body.Name)).Property("Description");
        Assert.Equal("public string? Description", GeneratedSource.Signature(description));
        Assert.Equal([JsonSerialization + ".JsonPropertyName(\"description\")"], GeneratedSource.Attributes(description));

        var widget = Model.ResponseType("ListWidgets").Name;
        var widgetSource = Files.ModelFile(widget);
        Assert.DoesNotContain("Presence", widgetSource, StringComparison.Ordinal);
        var label = new GeneratedSource(widgetSource).Property("Label");
        Assert.Equal("public string? Label", GeneratedSource.Signature(label));
        Assert.Equal([JsonSerialization + ".JsonPropertyName(\"label\")"], GeneratedSource.Attributes(label));
    }

    [Fact]
    public void PresenceMemberNamesDoNotCollideWithProperties()
    {
        var document = new OpenApiDocument().Patch("/api/things/{id}", "UpdateThing", body: """
            { "type": "object", "properties": { "name": { "type": "string", "nullable": true }, "namePresence": { "type": "string", "nullable": true } } }
            """);
        var body = (ObjectSpec)document.BuildSpec().BodyType("UpdateThing");

        Assert.Equal(["Name", "NamePresence"], body.Properties.Select(p => p.Name));
        Assert.Equal(["NamePresenceValue", "NamePresencePresence"], body.Properties.Select(p => p.PresenceName));
        var result = GeneratedCompilation.Compile(document.Generate());
        Assert.Empty(result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void GeneratedCode_WritesOnlyTheSetProperties_NullAsJsonNull()
    {
        var models = Loaded.Value;
        var body = models.Create(Body.Name);
        models.Set(body, "Name", null);
        models.Set(body, "Rank", 3);
        models.Set(body, "State", null);
        models.Set(body, "Owner", null);
        models.Set(body, "Description", null);

        Assert.Equal("""{"name":null,"rank":3,"state":null,"kind":"Thing","owner":null,"version":0,"note":null}""", models.Serialize(body));
    }

    [Fact]
    public void GeneratedCode_WithNothingSet_WritesOnlyRequiredPropertiesAndTheLiteral()
    {
        var models = Loaded.Value;

        Assert.Equal("""{"kind":"Thing","version":0,"note":null}""", models.Serialize(models.Create(Body.Name)));
    }

    [Fact]
    public void GeneratedCode_ReadThenWritten_KeepsNullsThatCameInAndLeavesOutWhatWasAbsent_NestedObjectsToo()
    {
        const string json = """{"rank":null,"kind":"Thing","owner":{"ownerId":"o1","ownerLabel":null},"tags":[{"tagValue":null},{}],"version":1,"note":null,"future":[1]}""";
        var models = Loaded.Value;

        var body = models.Deserialize(json, Body.Name);

        Assert.Null(models.Get(body, "Rank"));
        Assert.Equal(json, models.Serialize(body));
    }

    [Fact]
    public void GeneratedCode_ResponseModelStillLeavesOutNulls()
    {
        var models = Loaded.Value;
        var widget = models.Deserialize("""{"widgetId":"w1","label":null}""", Model.ResponseType("ListWidgets").Name);

        Assert.Equal("""{"widgetId":"w1"}""", models.Serialize(widget));
    }

    /// <summary>Generated models loaded from an emitted compilation, used through reflection and the generated context.</summary>
    private sealed class LoadedModels(Assembly assembly)
    {
        private readonly JsonSerializerContext _context =
            (JsonSerializerContext)assembly.GetType("LogtoGenerated.LogtoJsonContext", throwOnError: true)!.GetProperty("Default")!.GetValue(null)!;

        public object Create(string typeName) => Activator.CreateInstance(Type(typeName))!;

        public void Set(object model, string property, object? value) => Property(model, property).SetValue(model, value);

        public object? Get(object model, string property) => Property(model, property).GetValue(model);

        public string Serialize(object model) => JsonSerializer.Serialize(model, _context.GetTypeInfo(model.GetType())!);

        public object Deserialize(string json, string typeName) => JsonSerializer.Deserialize(json, _context.GetTypeInfo(Type(typeName))!)!;

        private Type Type(string typeName) => assembly.GetType("LogtoGenerated.Models." + typeName, throwOnError: true)!;

        private static PropertyInfo Property(object model, string name) =>
            model.GetType().GetProperty(name) ?? throw new InvalidOperationException($"{model.GetType().Name} has no public property {name}.");
    }
}
