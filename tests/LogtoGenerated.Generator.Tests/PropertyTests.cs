using LogtoGenerated.Generator.Spec;
using LogtoGenerated.Generator.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;

namespace LogtoGenerated.Generator.Tests;

/// <summary>How object properties are declared: required-ness, nullability, dictionaries, free-form JSON, and wire names.</summary>
public class PropertyTests
{
    private const string JsonPropertyName = "global::System.Text.Json.Serialization.JsonPropertyName";
    private const string AlwaysWritten = "global::System.Text.Json.Serialization.JsonIgnore(Condition = global::System.Text.Json.Serialization.JsonIgnoreCondition.Never)";

    private static readonly SortedDictionary<string, string> KitchenSink = GeneratorRun.Generate(GeneratorRun.Document("kitchen-sink.json"));

    private static readonly GeneratedSource Application = new(KitchenSink.ModelFile("Application"));

    private static readonly GeneratedSource User = new(GeneratorRun.Generate(GeneratorRun.Document("users.json")).ModelFile("User"));

    private static readonly GeneratedSource CreateUserRequest = new(GeneratorRun.Generate(GeneratorRun.Document("users.json")).ModelFile("CreateUserRequest"));

    [Fact]
    public void RequiredNonNullablePropertyIsARequiredMemberAlwaysWritten()
    {
        var id = User.Property("Id");

        Assert.Equal("public required string Id", GeneratedSource.Signature(id));
        Assert.Equal([JsonPropertyName + "(\"id\")", AlwaysWritten], GeneratedSource.Attributes(id));
    }

    [Fact]
    public void RequiredNullablePropertyIsNullableNotRequiredAndAlwaysWritten()
    {
        var username = User.Property("Username");

        Assert.Equal("public string? Username", GeneratedSource.Signature(username));
        Assert.Equal([JsonPropertyName + "(\"username\")", AlwaysWritten], GeneratedSource.Attributes(username));
    }

    [Fact]
    public void OptionalPropertyIsNullableAndLeftOutWhenNull()
    {
        var password = CreateUserRequest.Property("Password");

        Assert.Equal("public string? Password", GeneratedSource.Signature(password));
        Assert.Equal([JsonPropertyName + "(\"password\")"], GeneratedSource.Attributes(password));
    }

    [Theory]
    [InlineData("CreatedAt", "public global::System.DateTimeOffset? CreatedAt")]
    [InlineData("IsThirdParty", "public bool? IsThirdParty")]
    [InlineData("Secret", "public string? Secret")]
    [InlineData("PageSize", "public required int PageSize")]
    public void ValueTypesAreNullableExactlyWhenOptionalOrNullable(string property, string signature)
    {
        Assert.Equal(signature, GeneratedSource.Signature(Application.Property(property)));
    }

    [Fact]
    public void EveryRequiredPropertyAndNoOtherIsAlwaysWritten()
    {
        var model = GeneratorRun.BuildSpec(GeneratorRun.Document("kitchen-sink.json"));
        var application = model.Type<ObjectSpec>("Application");

        foreach (var property in application.Properties)
        {
            var attributes = GeneratedSource.Attributes(Application.Property(property.Name));
            Assert.Equal(property.Required, attributes.Contains(AlwaysWritten));
        }
    }

    [Theory]
    [InlineData("Labels", "public required global::System.Collections.Generic.IDictionary<string, string> Labels")]
    [InlineData("Scores", "public global::System.Collections.Generic.IDictionary<string, double>? Scores")]
    public void AdditionalPropertiesWithATypedValueIsADictionary(string property, string signature)
    {
        Assert.Equal(signature, GeneratedSource.Signature(Application.Property(property)));
    }

    [Fact]
    public void AdditionalPropertiesOfAnObjectTypeIsADictionaryOfThatModel()
    {
        var model = new OpenApiDocument()
            .Get("/api/configs", "GetConfigs", response: """
                {"type":"object","properties":{"connectors":{"type":"object","additionalProperties":{"type":"object","required":["enabled"],"properties":{"enabled":{"type":"boolean"}}}}}}
                """)
            .BuildSpec();

        var connectors = ((ObjectSpec)model.ResponseType("GetConfigs")).Property("connectors");
        var map = Assert.IsType<MapShape>(connectors.Type.Type);
        Assert.Equal(["enabled"], Assert.IsType<ObjectSpec>(map.Value.ModelOf()).Properties.Select(p => p.WireName));
    }

    [Fact]
    public void ObjectWithoutPropertiesIsAJsonObject()
    {
        Assert.Equal("public required global::System.Text.Json.Nodes.JsonObject CustomData", GeneratedSource.Signature(Application.Property("CustomData")));
    }

    [Fact]
    public void EveryObjectKeepsUndocumentedPropertiesInAdditionalData()
    {
        var model = GeneratorRun.BuildSpec(GeneratorRun.Document("kitchen-sink.json"));
        var objects = model.Types.OfType<ObjectSpec>().ToList();
        Assert.NotEmpty(objects);

        foreach (var type in objects)
        {
            var additionalData = new GeneratedSource(KitchenSink.ModelFile(type.Name)).Property("AdditionalData");
            Assert.Equal("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? AdditionalData", GeneratedSource.Signature(additionalData));
            Assert.Equal(["global::System.Text.Json.Serialization.JsonExtensionData"], GeneratedSource.Attributes(additionalData));
        }
    }

    [Theory]
    [InlineData("class", "Class")]
    [InlineData("[translationKey]", "TranslationKey")]
    [InlineData("page_size", "PageSize")]
    [InlineData("customData", "CustomData")]
    public void WireNamesBecomeValidIdentifiersAndAreKeptExactlyForJson(string wireName, string member)
    {
        var property = Application.Property(member);

        Assert.True(SyntaxFacts.IsValidIdentifier(member));
        Assert.Equal(JsonPropertyName + "(" + SymbolDisplay.FormatLiteral(wireName, quote: true) + ")", GeneratedSource.Attributes(property)[0]);
    }

    [Fact]
    public void WireNamesThatCollideAsIdentifiersGetDistinctMembers()
    {
        var files = new OpenApiDocument()
            .Get("/api/statuses/{id}", "GetStatus", response: """
                {"type":"object","properties":{"user_id":{"type":"string"},"userId":{"type":"string"},"status":{"type":"string"},"additionalData":{"type":"string"}}}
                """)
            .Generate();
        var status = new GeneratedSource(files.ModelFile("Status"));

        Assert.Equal(
            ["UserId", "UserIdValue", "StatusValue", "AdditionalDataValue", "AdditionalData"],
            status.Properties("Status").Select(p => p.Identifier.ValueText));
        Assert.Equal(JsonPropertyName + "(\"userId\")", GeneratedSource.Attributes(status.Property("UserIdValue"))[0]);
        Assert.Equal(JsonPropertyName + "(\"status\")", GeneratedSource.Attributes(status.Property("StatusValue"))[0]);
        Assert.Equal(JsonPropertyName + "(\"additionalData\")", GeneratedSource.Attributes(status.Property("AdditionalDataValue"))[0]);
    }

    [Fact]
    public void DateTimeFormatIsDateTimeOffset()
    {
        var model = GeneratorRun.BuildSpec(GeneratorRun.Document("kitchen-sink.json"));

        Assert.Equal(new PrimitiveShape(PrimitiveKind.DateTimeOffset), model.Type<ObjectSpec>("Application").Property("createdAt").Type.Type);
    }
}
