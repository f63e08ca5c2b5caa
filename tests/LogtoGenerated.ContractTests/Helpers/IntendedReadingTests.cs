using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LogtoGenerated.ContractTests.Contract;

namespace LogtoGenerated.ContractTests.Helpers;

/// <summary>The rewrite that lets a JSON Schema validator read Logto's zod-made document as Logto means it.</summary>
public sealed class IntendedReadingTests
{
    [Fact]
    public void LiteralsPatternsUnionsAndDefaultsAreRewritten()
    {
        var document = JsonNode.Parse("""
            {"paths":{"/api/x":{"post":{"requestBody":{"content":{"application/json":{"schema":{"oneOf":[
              {"type":"object","properties":{"type":{"type":"string","format":"\"Text\""},"code":{"type":"string","pattern":"/^\\d+$/"}}},
              {"type":"object","properties":{"length":{"type":"object","default":{},"required":["min","max"],"properties":{"min":{"type":"number","default":8},"max":{"type":"number","default":256}}}}}
            ]}}}}}}}}
            """)!.AsObject();

        var rewritten = IntendedReading.Rewrite(document, out var changes);

        var schema = rewritten["paths"]!["/api/x"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Null(schema["oneOf"]);
        Assert.Equal("""["Text"]""", schema["anyOf"]![0]!["properties"]!["type"]!["enum"]!.ToJsonString());
        Assert.Null(schema["anyOf"]![0]!["properties"]!["type"]!["format"]);
        Assert.Equal("^\\d+$", (string?)schema["anyOf"]![0]!["properties"]!["code"]!["pattern"]);
        Assert.Equal("""{"min":8,"max":256}""", schema["anyOf"]![1]!["properties"]!["length"]!["default"]!.ToJsonString());
        Assert.Equal(new IntendedReading.Changes(Literals: 1, Patterns: 1, Unions: 1, Defaults: 1), changes);
        Assert.NotNull(document["paths"]!["/api/x"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["oneOf"]);
    }

    [Theory]
    [InlineData("#FFF", true)]
    [InlineData("#a0b1C2", true)]
    [InlineData("#ggg", false)]
    [InlineData("fff", false)]
    public void CaseInsensitiveFlagIsSpelledOutInThePattern(string value, bool matches)
    {
        var pattern = IntendedReading.IgnoringCase("^#[\\da-f]{3}([\\da-f]{3})?$");

        Assert.Equal("^#[\\da-fA-F]{3}([\\da-fA-F]{3})?$", pattern);
        Assert.Equal(matches, Regex.IsMatch(value, pattern, RegexOptions.ECMAScript));
    }
}
