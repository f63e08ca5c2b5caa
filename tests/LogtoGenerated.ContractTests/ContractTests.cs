using LogtoGenerated.ContractTests.Contract;
using LogtoGenerated.ContractTests.Server;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using Xunit.Abstractions;

namespace LogtoGenerated.ContractTests;

/// <summary>
/// Every operation of Logto's document, called through the generated client against Stoplight Prism started on the
/// same document (and on the copy <see cref="IntendedReading"/> makes of it): Prism must find nothing wrong with the
/// requests, and the client must read Prism's static and dynamic responses into the generated types.
/// </summary>
[Collection(ContractCollection.Name)]
public sealed class ContractTests(ContractFixture fixture, ITestOutputHelper output)
{
    /// <summary>The operations of Logto 1.42.0's document; the contract run must cover at least these.</summary>
    private const int MinimumOperations = 284;

    /// <summary>The operationIds of the document, read through the generator's surface spec.</summary>
    public static TheoryData<string> OperationIds()
    {
        var data = new TheoryData<string>();
        foreach (var operation in OperationCatalog.Instance.Operations)
        {
            data.Add(operation.OperationId);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task OperationSendsRequestsPrismAcceptsAndReadsEveryResponsePrismMakes(string operationId)
    {
        var report = await fixture.GetReportAsync();

        var outcome = report[operationId];

        Assert.True(outcome.Passed, outcome.Describe());
    }

    [Fact]
    public async Task EveryOperationOfTheDocumentPassesTheContract()
    {
        var report = await fixture.GetReportAsync();

        // CI's log shows these lines: the console logger prints test output at normal verbosity (the README's test command).
        var lines = new List<string>
        {
            report.CoverageLine,
            "contract: " + report.Details,
            $"contract: the second Prism reads the document as Logto means it: {fixture.Rewrite}",
            "contract: documented Prism deviations, with the operations they excused:",
        };
        lines.AddRange(report.DeviationUses().Select(line => "contract:   " + line));
        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }

        foreach (var outcome in report.Outcomes.Where(o => !o.Passed))
        {
            output.WriteLine(outcome.Describe());
        }

        Assert.True(report.Outcomes.Count >= MinimumOperations, $"Only {report.Outcomes.Count} operations were enumerated; Logto 1.42.0's document has {MinimumOperations}.");
        Assert.True(
            report.Passed == report.Outcomes.Count,
            report.CoverageLine + Environment.NewLine + string.Join(Environment.NewLine, report.Outcomes.Where(o => !o.Passed).Select(o => o.Describe())));
    }

    [Fact]
    public void EveryOperationOfTheDocumentIsEnumeratedOnce()
    {
        var catalog = OperationCatalog.Instance;

        Assert.Equal(catalog.DocumentOperationCount, catalog.Operations.Count);
        Assert.Equal(catalog.Operations.Count, catalog.Operations.Select(o => o.OperationId).Distinct(StringComparer.Ordinal).Count());
        Assert.True(catalog.Operations.Count >= MinimumOperations, $"{catalog.Operations.Count} operations, expected at least {MinimumOperations}.");
    }

    [Fact]
    public async Task EveryDocumentedPrismDeviationIsStillNeeded()
    {
        var report = await fixture.GetReportAsync();

        var used = report.Outcomes.SelectMany(o => o.UsedDeviations).ToHashSet();
        var stale = PrismDeviations.All.Where(d => !used.Contains(d)).ToList();

        Assert.True(stale.Count == 0, "These exceptions no longer excuse any finding; remove them:" + Environment.NewLine + string.Join(Environment.NewLine, stale));
        Assert.All(PrismDeviations.All, d => Assert.Contains(OperationCatalog.Instance.Operations, o => d.AppliesTo(o)));
    }

    [Fact]
    public async Task PrismReportsAnInvalidBodyInTheViolationsHeaderAndTheClientThrows()
    {
        // name and description must have at least one character.
        string? header = null;
        var body = new CreateRoleRequest { Name = "", Description = "" };

        var error = await Assert.ThrowsAsync<LogtoApiException>(() => fixture.Client.Roles.PostAsync(body, c => c.OnResponse = r => header = r.GetHeader(PrismViolation.HeaderName)));

        Assert.Equal(422, error.StatusCode);
        var violations = PrismViolation.Parse(header);
        Assert.Contains(violations, v => v.IsError && v.Location == "request.body.name" && v.Code == "minLength");
        Assert.Contains(violations, v => v.IsError && v.Location == "request.body.description" && v.Code == "minLength");
    }

    [Fact]
    public async Task PrismAcceptsAValidBodyWithoutViolations()
    {
        string? header = "(no response)";
        var body = new CreateRoleRequest { Name = "Admins", Description = "Administrators" };

        var role = await fixture.Client.Roles.PostAsync(body, c => c.OnResponse = r => header = r.GetHeader(PrismViolation.HeaderName));

        Assert.Empty(PrismViolation.Parse(header));
        Assert.NotNull(role.Id);
    }
}
