using LogtoGenerated.Generator.Emitting;
using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>JSON, multipart and form bodies (Documents/kitchen-sink.json).</summary>
public class RequestBodyTests
{
    private static readonly ApiSpec Model = GeneratorRun.BuildSpec(GeneratorRun.Document("kitchen-sink.json"));

    private static readonly SortedDictionary<string, string> Files = GeneratorRun.Generate(GeneratorRun.Document("kitchen-sink.json"));

    /// <summary>The metadata of every resource folder, made from the converters, as one text.</summary>
    private static readonly GeneratedSource Metadata = new(string.Concat(Files.Where(f => f.Key.StartsWith("Serialization/", StringComparison.Ordinal) && f.Key.EndsWith("JsonMetadata.cs", StringComparison.Ordinal)).Select(f => f.Value)));

    /// <summary>The public context, a property per type.</summary>
    private static readonly string PublicContext = Files["LogtoJsonContext.cs"];

    [Fact]
    public void MultipartPropertyWithoutTypeIsAFileUpload()
    {
        var body = Model.Operation("CreateUserAsset").Body!;

        Assert.Equal(BodyEncoding.Multipart, body.Encoding);
        var file = ((ObjectSpec)body.Type.ModelOf()).Property("file");
        Assert.Equal(new PrimitiveShape(PrimitiveKind.File), file.Type.Type);
        var source = new GeneratedSource(Files.ModelFile("CreateUserAssetRequest"));
        Assert.Equal("public global::LogtoGenerated.Http.FileUpload? File", GeneratedSource.Signature(source.Property("File")));
        Assert.Equal("public string? Folder", GeneratedSource.Signature(source.Property("Folder")));
    }

    [Fact]
    public void BinaryStringInAMultipartBodyIsAFileUpload()
    {
        var model = new OpenApiDocument()
            .Operation("post", "/api/assets", "CreateAsset", bodyMediaType: "multipart/form-data", body: """{"type":"object","properties":{"file":{"type":"string","format":"binary"}}}""")
            .BuildSpec();

        Assert.Equal(new PrimitiveShape(PrimitiveKind.File), ((ObjectSpec)model.BodyType("CreateAsset")).Property("file").Type.Type);
    }

    [Fact]
    public void MultipartBodyIsSentPartByPartUnderWireNames()
    {
        var post = new GeneratedSource(Files["RequestBuilders/UserAssets/UserAssetsRequestBuilder.cs"]).Method("PostAsync");

        Assert.Contains(
            "request.SetMultipartContent(new global::System.Collections.Generic.KeyValuePair<string, object?>[] { new(\"file\", body.File), new(\"folder\", body.Folder) });",
            GeneratedSource.Statements(post));
        Assert.DoesNotContain(GeneratedSource.Statements(post), s => s.Contains("SetJsonContent", StringComparison.Ordinal));
    }

    [Fact]
    public void MultipartModelIsNotRegisteredInTheJsonContext()
    {
        Assert.True(ContextEmitter.IsMultipart(Model.Type("CreateUserAssetRequest")));
        Assert.DoesNotContain("CreateUserAssetRequest", Metadata.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateUserAssetRequest", PublicContext, StringComparison.Ordinal);
        Assert.Contains("JsonValue.Info<global::LogtoGenerated.Models.UserAsset>(options, global::LogtoGenerated.Serialization.UserAssetJsonConverter.Instance)", Metadata.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormBodyIsWrittenFieldByFieldUnderWireNames()
    {
        var post = new GeneratedSource(Files["RequestBuilders/Oidc/Token/TokenRequestBuilder.cs"]).Method("PostAsync");

        Assert.Equal(BodyEncoding.Form, Model.Operation("CreateToken").Body!.Encoding);
        var block = Assert.Single(post.Body!.Statements.OfType<BlockSyntax>());
        Assert.Equal(
            [
                "var form = new global::LogtoGenerated.Http.QueryStringBuilder();",
                "form.Add(\"grant_type\", body.GrantType);",
                "form.Add(\"scope\", body.Scope);",
                "request.SetFormContent(form);",
            ],
            block.Statements.Select(statement => statement.ToString()));
    }

    [Fact]
    public void JsonBodyIsARequiredArgumentSerializedThroughTheContext()
    {
        var post = new GeneratedSource(Files["RequestBuilders/Verifications/VerificationsRequestBuilder.cs"]).Method("PostAsync");

        Assert.Equal("global::LogtoGenerated.Models.CreateVerificationRequest body", GeneratedSource.Parameters(post)[0]);
        Assert.Contains("global::System.ArgumentNullException.ThrowIfNull(body);", GeneratedSource.Statements(post));
        Assert.Contains("request.SetJsonContent(body, global::LogtoGenerated.Serialization.JsonMetadata.Info<global::LogtoGenerated.Models.CreateVerificationRequest>());", GeneratedSource.Statements(post));
    }

    [Fact]
    public void JsonContextRegistersEveryJsonModelBodyAndResponse()
    {
        var registered = Metadata.Text.Split('\n').Where(line => line.Contains("JsonValue.Info<", StringComparison.Ordinal)).ToList();

        foreach (var type in Model.Types.Where(t => !ContextEmitter.IsMultipart(t)))
        {
            Assert.Contains(registered, line => line.Contains($"\"global::LogtoGenerated.Models.{type.Name}\" => global::LogtoGenerated.Serialization.JsonValue.Info<global::LogtoGenerated.Models.{type.Name}>(", StringComparison.Ordinal));
            Assert.Contains($" {type.Name} => _{type.Name} ??=", PublicContext, StringComparison.Ordinal);
        }

        Assert.Contains(" ApplicationRoleReadOnlyList => ", PublicContext, StringComparison.Ordinal);
        Assert.Contains(" StringMap => ", PublicContext, StringComparison.Ordinal);
    }
}
