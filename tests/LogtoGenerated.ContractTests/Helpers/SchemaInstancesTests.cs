using System.Text.Json.Nodes;
using LogtoGenerated.ContractTests.Contract;

namespace LogtoGenerated.ContractTests.Helpers;

/// <summary>The minimal instances the contract test sends are valid, as Logto means its schemas and as a validator reads them.</summary>
public sealed class SchemaInstancesTests
{
    private static readonly SchemaInstances Instances = new(new JsonObject
    {
        ["components"] = new JsonObject
        {
            ["schemas"] = new JsonObject { ["Name"] = JsonNode.Parse("""{"type":"string","minLength":3,"maxLength":5}""") },
        },
    });

    private static JsonNode? Minimal(string schema, string hint = "value") => Instances.Minimal(JsonNode.Parse(schema)!, hint);

    [Fact]
    public void ObjectHasItsRequiredPropertiesOnly_WithReferencesFollowed()
    {
        var instance = Minimal("""{"type":"object","required":["name","count"],"properties":{"name":{"$ref":"#/components/schemas/Name"},"count":{"type":"integer","minimum":2},"note":{"type":"string"}}}""");

        Assert.Equal("""{"name":"name1","count":2}""", instance!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"type":"string","format":"email"}""", "\"ada@example.com\"")]
    [InlineData("""{"type":"string","format":"url"}""", "\"https://example.com/value\"")]
    [InlineData("""{"type":"string","minLength":8}""", "\"value1xx\"")]
    [InlineData("""{"type":"string","enum":["b","a"]}""", "\"b\"")]
    [InlineData("""{"type":"array","items":{"type":"boolean"}}""", "[false]")]
    [InlineData("""{"type":"number","exclusiveMinimum":0,"maximum":0.5}""", "0.5")]
    public void ValuesRespectTheirKeywords(string schema, string expected)
    {
        Assert.Equal(expected, Minimal(schema)!.ToJsonString());
    }

    [Fact]
    public void ZodLiteralWrittenAsAFormatIsItsValue()
    {
        Assert.Equal("\"Text\"", Minimal("""{"type":"string","format":"\"Text\""}""")!.ToJsonString());
        Assert.Equal("false", Minimal("""{"type":"boolean","format":"false"}""")!.ToJsonString());
    }

    [Fact]
    public void JavaScriptRegularExpressionLiteralIsMatchedAsLogtoMeansIt()
    {
        const string Schema = """{"type":"string","format":"regex","pattern":"/^\\S+@\\S+\\.\\S+$/"}""";

        var instance = Minimal(Schema, "email");

        Assert.Equal("\"ada@example.com\"", instance!.ToJsonString());
        Assert.True(Instances.Matches(JsonNode.Parse(Schema)!, instance, SchemaReading.Intended));
        Assert.False(Instances.Matches(JsonNode.Parse(Schema)!, instance, SchemaReading.JsonSchema));
    }

    [Fact]
    public void OneOfPicksAnAlternativeNoOtherAlternativeMatches()
    {
        // "https://..." is also a string of the second alternative (a validator ignores the unknown format "empty"); "" is not a url.
        const string Schema = """{"oneOf":[{"type":"string","format":"url","nullable":true},{"type":"string","format":"empty"}]}""";

        var instance = Minimal(Schema, "termsOfUseUrl");

        Assert.Equal("\"\"", instance!.ToJsonString());
        Assert.True(Instances.Matches(JsonNode.Parse(Schema)!, instance, SchemaReading.JsonSchema));
    }

    [Fact]
    public void OneOfFallsBackToNullWhenEveryValueMatchesSeveralAlternatives()
    {
        var instance = Minimal("""{"oneOf":[{"type":"string","nullable":true},{"type":"string","minLength":0}]}""");

        Assert.Null(instance);
    }

    [Fact]
    public void OneOfOfLiteralsPicksTheFirstAlternative()
    {
        var instance = Minimal("""{"oneOf":[{"type":"object","required":["type"],"properties":{"type":{"type":"string","format":"\"A\""}}},{"type":"object","required":["type","b"],"properties":{"type":{"type":"string","format":"\"B\""},"b":{"type":"string"}}}]}""");

        Assert.Equal("""{"type":"A"}""", instance!.ToJsonString());
    }
}
