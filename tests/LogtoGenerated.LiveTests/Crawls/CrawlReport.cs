using LogtoGenerated.LiveTests.Crawling;

namespace LogtoGenerated.LiveTests.Crawls;

/// <summary>The summary of a crawl: one line with the counts (printed, so that CI's log shows it), then the outcomes not ok.</summary>
internal static class CrawlReport
{
    /// <summary><c>live: GET crawl: 120 tried, 118 ok, 2 not configured (connector.not_found x2), 0 refused, 0 faults; 30 not tried</c></summary>
    public static string SummaryLine(string crawl, IReadOnlyList<CrawlOutcome> outcomes, TimeSpan elapsed)
    {
        int Count(OutcomeKind kind) => outcomes.Count(o => o.Kind == kind);
        var codes = string.Join(", ", outcomes.Where(o => o.Kind == OutcomeKind.NotConfigured)
            .GroupBy(o => o.Code).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));
        var tried = outcomes.Count(o => o.Kind != OutcomeKind.NotTried);
        return $"live: {crawl}: {tried} tried, {Count(OutcomeKind.Ok)} ok, {Count(OutcomeKind.NotConfigured)} not configured" +
            (codes.Length > 0 ? $" ({codes})" : "") +
            $", {Count(OutcomeKind.Refused)} refused as documented, {Count(OutcomeKind.Fault) + Count(OutcomeKind.Unexplained)} faults; " +
            $"{Count(OutcomeKind.NotTried)} not tried on a bare server; {elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>Prints the summary line and every outcome that is not ok, grouped by kind.</summary>
    public static void Print(string crawl, IReadOnlyList<CrawlOutcome> outcomes, TimeSpan elapsed)
    {
        Console.WriteLine(SummaryLine(crawl, outcomes, elapsed));
        foreach (var outcome in outcomes.Where(o => o.Kind != OutcomeKind.Ok).OrderBy(o => o.Kind).ThenBy(o => o.Operation.Display, StringComparer.Ordinal))
        {
            Console.WriteLine($"live:   {outcome}");
        }
    }

    /// <summary>
    /// Prints the crawl's report, then asserts that no outcome is a fault or unexplained and that at least
    /// <paramref name="minimumOk"/> operations succeeded (a crawl that reaches too little proves too little).
    /// </summary>
    public static void AssertNoFaults(string crawl, IReadOnlyList<CrawlOutcome> outcomes, TimeSpan elapsed, int minimumOk)
    {
        Print(crawl, outcomes, elapsed);
        var failures = outcomes.Where(o => o.Kind is OutcomeKind.Fault or OutcomeKind.Unexplained).ToList();
        Assert.True(failures.Count == 0, $"Operations of the {crawl} that failed on the live server:\n" + string.Join("\n", failures));
        Assert.True(outcomes.Count(o => o.Kind == OutcomeKind.Ok) >= minimumOk, $"Fewer than {minimumOk} operations succeeded: " + SummaryLine(crawl, outcomes, elapsed));
    }
}
