using LogtoGenerated.ContractTests.Server;

namespace LogtoGenerated.ContractTests.Helpers;

/// <summary>Prism's sl-violations header, whole or cut short.</summary>
public sealed class PrismViolationTests
{
    private const string Request = """{"location":["request","body","username"],"severity":"Error","code":"type","message":"Request body property username must be string"}""";
    private const string Response = """{"location":["response","body","id"],"severity":"Warning","code":"required","message":"Response body must have required property 'id'"}""";

    [Fact]
    public void HeaderIsReadIntoViolations()
    {
        var violations = PrismViolation.Parse($"[{Request},{Response}]");

        Assert.Equal(2, violations.Count);
        Assert.Equal(new PrismViolation("request.body.username", "Error", "type", "Request body property username must be string"), violations[0]);
        Assert.True(violations[0].IsError && violations[0].IsRequestViolation);
        Assert.False(violations[1].IsError || violations[1].IsRequestViolation);
    }

    [Fact]
    public void NoHeaderIsNoViolation()
    {
        Assert.Empty(PrismViolation.Parse(null));
    }

    [Fact]
    public void HeaderPrismCutShortKeepsTheCompleteEntries()
    {
        var cut = $"Too many violations! [{Request},{Response[..40]}";

        var violation = Assert.Single(PrismViolation.Parse(cut));

        Assert.Equal("request.body.username", violation.Location);
    }

    [Fact]
    public void HeaderThatIsNotAListOfViolationsIsAFormatError()
    {
        Assert.Throws<FormatException>(() => PrismViolation.Parse("{\"oops\":1}"));
        Assert.Throws<FormatException>(() => PrismViolation.Parse("[{\"location\":[\"request\"]}]"));
    }
}
