using System.Text;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Parsing;
using LogtoGenerated.Generator.Tests.Support;

namespace LogtoGenerated.Generator.Tests;

/// <summary>
/// <c>openapi/corrections.json</c>: edits of the document where it says something other than what the server does,
/// applied before the document is read; a correction that no longer applies fails the run with its location.
/// </summary>
public sealed class CorrectionTests : IDisposable
{
    private const string App = """{"type":"object","required":["id","redirectUris"],"properties":{"id":{"type":"string"},"redirectUris":{"type":"array","items":{"type":"object","description":"Validator function","additionalProperties":true}}}}""";

    private const string RedirectUris = """
        {"op":"replace","path":"/**/redirectUris/items","expect":{"type":"object","description":"Validator function","additionalProperties":true},
         "value":{"type":"string"},"count":3,"reason":"Redirect URIs are strings.","source":"packages/schemas/src/foundations/jsonb-types/oidc-module.ts"}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("logto-corrections-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static OpenApiDocument Apps() => new OpenApiDocument()
        .Get("/api/applications/{id}", "GetApplication", response: App)
        .Post("/api/applications", "CreateApplication", body: App, response: App);

    private ApiSpec Build(OpenApiDocument document, params string[] corrections)
    {
        File.WriteAllText(Path.Combine(_folder, DocumentCorrections.FileName), $$"""{"corrections":[{{string.Join(",", corrections)}}]}""");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJson()));
        return CodeGenerator.BuildSpec(stream, GeneratorRun.Options, GeneratorInputs.FromFolder(_folder));
    }

    [Fact]
    public void A_wildcard_correction_edits_every_location_that_says_what_it_expects_and_the_model_follows_it()
    {
        var model = Build(Apps(), RedirectUris);

        var application = (ObjectSpec)model.ResponseType("GetApplication");
        var uris = application.Properties.Single(p => p.WireName == "redirectUris");
        Assert.Equal(new PrimitiveShape(PrimitiveKind.String), Assert.IsType<ListShape>(uris.Type.Type).Item.Type);
        var applied = Assert.Single(model.Corrections);
        Assert.Equal(3, applied.Locations.Count);
    }

    [Fact]
    public void A_wildcard_correction_that_edits_more_or_fewer_locations_than_its_count_fails_with_its_location()
    {
        var error = Assert.Throws<GeneratorException>(() => Build(Apps(), RedirectUris.Replace("\"count\":3", "\"count\":4", StringComparison.Ordinal)));

        Assert.StartsWith("corrections.json#/corrections/0", error.Pointer, StringComparison.Ordinal);
        Assert.Contains("matches 3 locations, not the 4 of its 'count'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_correction_the_document_no_longer_needs_fails_the_run_and_says_to_remove_it()
    {
        var fixedDocument = new OpenApiDocument().Get("/api/applications/{id}", "GetApplication", response: App.Replace(
            """{"type":"object","description":"Validator function","additionalProperties":true}""", """{"type":"string"}""", StringComparison.Ordinal));

        var error = Assert.Throws<GeneratorException>(() => Build(fixedDocument, RedirectUris));

        Assert.Equal("corrections.json#/corrections/0", error.Pointer);
        Assert.Contains("no longer applies", error.Message, StringComparison.Ordinal);
        Assert.Contains("If Logto fixed its document, remove the correction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_path_whose_value_is_not_the_expected_one_fails_naming_the_value_found()
    {
        var error = Assert.Throws<GeneratorException>(() => Build(Apps(), """
            {"op":"replace","path":"/paths/~1api~1applications~1{id}/get/responses/200/content/application~1json/schema/properties/id","expect":{"type":"number"},
             "value":{"type":"string"},"reason":"r","source":"s"}
            """));

        Assert.Contains("""is {"type":"string"}, not the expected {"type":"number"}""", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_schemaless_JSON_response_makes_the_operation_read_no_body()
    {
        var document = new OpenApiDocument().Post("/api/roles/{id}/users", "CreateRoleUser", body: """{"type":"object","properties":{"userIds":{"type":"array","items":{"type":"string"}}}}""", response: "{}");
        var before = Build(document);
        Assert.Equal(ResponseKind.Json, before.Operation("CreateRoleUser").Response.Kind);

        var after = Build(document, """
            {"op":"remove","path":"/paths/*/*/responses/200/content","expect":{"application/json":{"schema":{}}},"count":1,"reason":"Koa answers 'Created'.","source":"packages/core/src/routes/role.user.ts"}
            """);

        Assert.Equal(ResponseKind.None, after.Operation("CreateRoleUser").Response.Kind);
    }

    [Fact]
    public void An_add_puts_a_value_where_the_document_has_none_and_fails_where_it_has_one()
    {
        const string required = """{"op":"add","path":"/paths/~1api~1applications/post/requestBody/content/application~1json/schema/properties/id/minLength","value":1,"reason":"r","source":"s"}""";
        var model = Build(Apps(), required);
        Assert.Single(model.Corrections);

        var error = Assert.Throws<GeneratorException>(() => Build(Apps(), required, required));
        Assert.Equal("corrections.json#/corrections/1", error.Pointer);
        Assert.Contains("already has a value", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op":"move","path":"/a","value":1,"reason":"r","source":"s"}""", "/op", "must be one of replace, remove, add")]
    [InlineData("""{"op":"replace","path":"/a","value":1,"reason":"r","source":"s"}""", "/expect", "must say what the document has now")]
    [InlineData("""{"op":"replace","path":"/a","expect":1,"value":2,"source":"s"}""", "/reason", "'reason' must be a non-empty string")]
    [InlineData("""{"op":"remove","path":"a","expect":1,"reason":"r","source":"s"}""", "/path", "must be a JSON pointer")]
    [InlineData("""{"op":"remove","path":"/paths/*/get","expect":1,"reason":"r","source":"s"}""", "/count", "a path with a wildcard needs 'count'")]
    [InlineData("""{"op":"remove","path":"/a","expect":1,"cout":2,"reason":"r","source":"s"}""", "/cout", "'cout' is not a field of a correction")]
    [InlineData("""{"op":"remove","path":"/paths/**","expect":1,"count":1,"reason":"r","source":"s"}""", "/path", "must name what it edits after a '**'")]
    public void A_malformed_correction_fails_naming_the_field_and_what_it_must_be(string correction, string field, string message)
    {
        var error = Assert.Throws<GeneratorException>(() => Build(Apps(), correction));

        Assert.Equal("corrections.json#/corrections/0" + field, error.Pointer);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
