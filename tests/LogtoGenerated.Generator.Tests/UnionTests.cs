using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>How <c>oneOf</c> maps to C#: discriminated unions, enums of literals, nullable strings, or any JSON.</summary>
public class UnionTests
{
    private const string Discriminated = """
        {"oneOf":[
          {"type":"object","required":["type"],"properties":{"type":{"type":"string","format":"\"A\""},"code":{"type":"string"}}},
          {"type":"object","required":["type","token"],"properties":{"type":{"type":"string","format":"\"B\""},"token":{"type":"string"}}}]}
        """;

    private static readonly ApiSpec KitchenSink = GeneratorRun.BuildSpec(GeneratorRun.Document("kitchen-sink.json"));

    private static ValueSpec PropertyType(string wireName) => KitchenSink.Type<ObjectSpec>("Application").Property(wireName).Type;

    [Fact]
    public void OneOfObjectsWithALiteralPropertyIsAUnionDiscriminatedByIt()
    {
        var model = new OpenApiDocument().Post("/api/verifications", "CreateVerification", body: Discriminated).BuildSpec();

        var union = Assert.IsType<UnionSpec>(model.BodyType("CreateVerification"));
        Assert.Equal("CreateVerificationRequest", union.Name);
        Assert.Equal("type", union.Discriminator);
        Assert.Equal(["A", "B"], union.Alternatives.Select(a => a.DiscriminatorValue));
        Assert.Equal(["A", "B"], union.Alternatives.Select(a => a.Name));
        Assert.Equal(["CreateVerificationARequest", "CreateVerificationBRequest"], union.Alternatives.Select(a => a.Type.ModelOf().Name));
    }

    [Fact]
    public void DiscriminatedUnionReadsThroughAConverterSwitchingOnTheDiscriminator()
    {
        var files = new OpenApiDocument().Post("/api/verifications", "CreateVerification", body: Discriminated).Generate();
        var source = new GeneratedSource(files.ModelFile("CreateVerificationRequest"));

        var union = Assert.IsType<ClassDeclarationSyntax>(source.Type("CreateVerificationRequest"));
        Assert.Equal(["global::System.Text.Json.Serialization.JsonConverter(typeof(CreateVerificationRequest.JsonConverter))"], GeneratedSource.Attributes(union));
        var converter = Assert.IsType<ClassDeclarationSyntax>(source.Type("JsonConverter"));
        Assert.Equal("global::System.Text.Json.Serialization.JsonConverter<CreateVerificationRequest>", converter.BaseList!.Types.Single().ToString());

        var @switch = Assert.Single(source.Method("Read").DescendantNodes().OfType<SwitchStatementSyntax>());
        Assert.Equal("global::LogtoGenerated.Serialization.JsonUnion.Discriminator(element, \"type\")", @switch.Expression.ToString());
        Assert.Equal(["case \"A\":", "case \"B\":"], @switch.Sections.Select(s => s.Labels.Single().ToString()));
        Assert.Contains("JsonMetadata.Info<global::LogtoGenerated.Models.CreateVerificationARequest>()", @switch.Sections[0].ToString());
        Assert.Contains("JsonMetadata.Info<global::LogtoGenerated.Models.CreateVerificationBRequest>()", @switch.Sections[1].ToString());
    }

    [Fact]
    public void DiscriminatorPropertyOfAnAlternativeDefaultsToItsLiteral()
    {
        var files = new OpenApiDocument().Post("/api/verifications", "CreateVerification", body: Discriminated).Generate();
        var type = new GeneratedSource(files.ModelFile("CreateVerificationARequest")).Property("Type");

        Assert.Equal("public string Type", GeneratedSource.Signature(type));
        Assert.Equal("\"A\"", type.Initializer!.Value.ToString());
    }

    [Fact]
    public void OneOfStringLiteralsIsAnEnumOfTheLiterals()
    {
        var factor = Assert.IsType<EnumSpec>(PropertyType("mfaFactor").ModelOf());

        Assert.Equal(["Totp", "WebAuthn", "BackupCode"], factor.Values);
        Assert.Equal("MfaFactor", factor.Name);
    }

    [Fact]
    public void OneOfStringAndNullableStringIsANullableString()
    {
        var document = new OpenApiDocument()
            .Get("/api/users/{id}", "GetUser", response: """{"type":"object","required":["name"],"properties":{"name":{"oneOf":[{"type":"string"},{"type":"string","nullable":true}]}}}""");

        var user = Assert.IsType<ObjectSpec>(Assert.Single(document.BuildSpec().Types));
        Assert.Equal(new ValueSpec(new PrimitiveShape(PrimitiveKind.String), Nullable: true), user.Property("name").Type);
        var name = new GeneratedSource(document.Generate().ModelFile("User")).Property("Name");
        Assert.Equal("public string? Name", GeneratedSource.Signature(name));
    }

    [Fact]
    public void OneOfObjectArrayStringNumberAndBooleanIsAnyJson()
    {
        Assert.Equal(new ValueSpec(new PrimitiveShape(PrimitiveKind.Json), Nullable: true), PropertyType("anything"));
        Assert.DoesNotContain(KitchenSink.Types, t => t is UnionSpec { Name: "ApplicationAnything" });
    }

    [Fact]
    public void OneOfAStringOrAListOfStringsWithoutDiscriminatorIsAUnionByJsonKind()
    {
        var files = new OpenApiDocument()
            .Get("/api/tokens/{id}", "GetToken", response: """{"type":"object","properties":{"aud":{"oneOf":[{"type":"string"},{"type":"array","items":{"type":"string"}}]}}}""")
            .Generate();
        var source = new GeneratedSource(files.ModelFile("TokenAud"));

        Assert.Equal("public string? String", GeneratedSource.Signature(source.Property("String")));
        Assert.Equal("public global::System.Collections.Generic.IList<string>? StringList", GeneratedSource.Signature(source.Property("StringList")));
        var read = source.Method("Read").ToString();
        Assert.Contains("element.ValueKind == global::System.Text.Json.JsonValueKind.String", read, StringComparison.Ordinal);
        Assert.Contains("element.ValueKind == global::System.Text.Json.JsonValueKind.Array", read, StringComparison.Ordinal);
    }
}
