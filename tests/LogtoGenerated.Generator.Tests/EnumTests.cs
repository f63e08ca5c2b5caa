using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LogtoGenerated.Generator.Tests;

/// <summary>String enums become extensible structs; the same set of values is one type.</summary>
public class EnumTests
{
    private static readonly GeneratedSource ApplicationType = new(GeneratorRun.Generate(GeneratorRun.Document("kitchen-sink.json")).ModelFile("ApplicationType"));

    [Fact]
    public void StringEnumIsAReadonlyPartialStructWithTheStringEnumConverter()
    {
        var type = Assert.IsType<StructDeclarationSyntax>(ApplicationType.Type("ApplicationType"));

        Assert.Equal(["public", "readonly", "partial"], type.Modifiers.Select(m => m.Text));
        Assert.Equal(
            ["global::System.Text.Json.Serialization.JsonConverter(typeof(global::LogtoGenerated.Serialization.StringEnumConverter<ApplicationType>))"],
            GeneratedSource.Attributes(type));
    }

    [Theory]
    [InlineData("Native")]
    [InlineData("SPA")]
    [InlineData("Traditional")]
    public void KnownValuesAreStaticProperties(string value)
    {
        var property = ApplicationType.Property(value);

        Assert.Equal($"public static ApplicationType {value}", GeneratedSource.Signature(property));
        Assert.Equal($"new(\"{value}\")", property.Initializer!.Value.ToString());
    }

    [Fact]
    public void IsKnownChecksExactlyTheDocumentedValues()
    {
        var isKnown = ApplicationType.Property("IsKnown");

        Assert.Equal("_value is \"Native\" or \"SPA\" or \"Traditional\"", isKnown.ExpressionBody!.Expression.ToString());
    }

    [Fact]
    public void AnyStringConvertsImplicitly()
    {
        var conversion = Assert.Single(((StructDeclarationSyntax)ApplicationType.Type("ApplicationType")).Members.OfType<ConversionOperatorDeclarationSyntax>());

        Assert.Equal("implicit", conversion.ImplicitOrExplicitKeyword.Text);
        Assert.Equal(["string value"], GeneratedSource.Parameters(conversion));
        Assert.Equal("new(value)", conversion.ExpressionBody!.Expression.ToString());
    }

    [Fact]
    public void IdenticalValueSetsMergeIntoOneTypeWhateverTheirOrderAndPlace()
    {
        var model = new OpenApiDocument()
            .Get("/api/roles/{id}", "GetRole", response: """{"type":"object","properties":{"type":{"type":"string","enum":["User","MachineToMachine"]}}}""")
            .Get("/api/roles", "ListRoles",
                response: """{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"type":{"type":"string","enum":["MachineToMachine","User"]}}}}""",
                parameters: """[{"name":"type","in":"query","schema":{"type":"string","enum":["User","MachineToMachine"]}}]""")
            .BuildSpec();

        var role = (ObjectSpec)model.ResponseType("GetRole");
        var listed = (ObjectSpec)model.ResponseType("ListRoles");
        var type = Assert.IsType<EnumSpec>(role.Property("type").Type.ModelOf());
        Assert.Same(type, listed.Property("type").Type.ModelOf());
        Assert.Same(type, Assert.Single(model.Operation("ListRoles").OptionalQuery).Type.ModelOf());
        Assert.Single(model.Types.OfType<EnumSpec>());
        Assert.Equal(["User", "MachineToMachine"], type.Values);
        Assert.Equal("RoleType", type.Name);
    }

    [Fact]
    public void DifferentValueSetsAreDifferentTypes()
    {
        var model = new OpenApiDocument()
            .Get("/api/roles/{id}", "GetRole", response: """{"type":"object","properties":{"type":{"type":"string","enum":["User","MachineToMachine"]},"status":{"type":"string","enum":["User","MachineToMachine","Disabled"]}}}""")
            .BuildSpec();

        Assert.Equal(["RoleType", "RoleStatus"], model.Types.OfType<EnumSpec>().Select(e => e.Name));
    }

    [Fact]
    public void ValuesThatAreNotIdentifiersGetValidDistinctMembers()
    {
        string[] values = ["urn:logto:scope:organizations", "es-419", "2fa", "custom_data", "Value", "a b"];
        var files = new OpenApiDocument()
            .Get("/api/scopes", "GetScopes", response: """{"type":"object","properties":{"scope":{"type":"string","enum":["urn:logto:scope:organizations","es-419","2fa","custom_data","Value","a b"]}}}""")
            .Generate();
        var source = new GeneratedSource(files.ModelFile("ScopesScope"));
        var known = ((StructDeclarationSyntax)source.Type("ScopesScope")).Members.OfType<PropertyDeclarationSyntax>()
            .Where(p => p.Modifiers.Any(m => m.Text == "static") && p.Type.ToString() == "ScopesScope")
            .ToList();

        Assert.Equal(values.Select(v => $"new(\"{v}\")"), known.Select(p => p.Initializer!.Value.ToString()));
        Assert.All(known, p => Assert.True(SyntaxFacts.IsValidIdentifier(p.Identifier.ValueText), p.Identifier.ValueText));
        Assert.Equal(known.Count, known.Select(p => p.Identifier.ValueText).Distinct().Count());
        Assert.DoesNotContain(known, p => p.Identifier.ValueText == "Value");
    }
}
