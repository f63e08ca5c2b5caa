using System.Text;

namespace LogtoGenerated.ContractTests.Contract;

/// <summary>The outcome of one operation: every call, the findings left once the exceptions table has excused its entries.</summary>
internal sealed class OperationOutcome(ContractOperation operation, IReadOnlyList<CallResult> calls, IReadOnlyList<PrismDeviation> deviations)
{
    public ContractOperation Operation { get; } = operation;

    public IReadOnlyList<CallResult> Calls { get; } = calls;

    /// <summary>
    /// Findings no deviation excuses, with the call they came from. Prism answers a request it finds invalid with 4xx,
    /// which the client reports as a failed call: when a deviation excuses every request violation of a call, that
    /// answer is excused with them.
    /// </summary>
    public IReadOnlyList<(CallResult Call, Finding Finding)> Failures { get; } =
        calls.SelectMany(c => c.Findings.Select(f => (c, f))).Where(x => !IsExcused(x.c, x.f, deviations)).ToList();

    /// <summary>The deviations that excused at least one finding here.</summary>
    public IReadOnlyList<PrismDeviation> UsedDeviations { get; } =
        deviations.Where(d => calls.Any(c => c.Findings.Any(f => d.Excuses(c, f)))).ToList();

    private static bool IsExcused(CallResult call, Finding finding, IReadOnlyList<PrismDeviation> deviations)
    {
        if (deviations.Any(d => d.Excuses(call, finding)))
        {
            return true;
        }

        var violations = call.Findings.Where(f => f.Kind == Finding.RequestViolation).ToList();
        return finding.Kind == Finding.CallFailed
            && finding.Text.StartsWith("LogtoApiException 4", StringComparison.Ordinal)
            && violations.Count > 0
            && violations.All(v => deviations.Any(d => d.Excuses(call, v)));
    }

    public bool Passed => Failures.Count == 0;

    /// <summary>What failed, call by call, with the last exchange of each failing call.</summary>
    public string Describe()
    {
        if (Passed)
        {
            return $"{Operation} passed ({Calls.Count} calls).";
        }

        var text = new StringBuilder($"{Operation} breaks the contract:");
        foreach (var group in Failures.GroupBy(f => f.Call))
        {
            text.AppendLine().Append("  ").Append(group.Key).Append(':');
            foreach (var (_, finding) in group)
            {
                text.AppendLine().Append("    - ").Append(finding);
            }

            if (group.Key.Exchanges.LastOrDefault() is { } exchange)
            {
                text.AppendLine().Append("    request: ").Append(exchange.Method).Append(' ').Append(exchange.RequestUri.PathAndQuery);
                if (exchange.RequestBody is { } body)
                {
                    text.Append(' ').Append(exchange.RequestContentType).Append(' ').Append(Shorten(body));
                }
                else if (exchange.RequestContentType is { } contentType)
                {
                    text.Append(' ').Append(contentType).Append(" (body not recorded)");
                }

                text.AppendLine().Append("    response: ").Append(exchange.Status).Append(' ').Append(exchange.ResponseContentType).Append(' ').Append(Shorten(exchange.ResponseBody));
            }

            if (group.Key.ResponseViolations.Count > 0)
            {
                text.AppendLine().Append("    Prism says its own response breaks the document: ")
                    .Append(string.Join("; ", group.Key.ResponseViolations.Take(3).Select(v => $"{v.Location} {v.Message}")))
                    .Append(group.Key.ResponseViolations.Count > 3 ? $" (and {group.Key.ResponseViolations.Count - 3} more)" : "");
            }
        }

        return text.ToString();
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "...";
}

/// <summary>Every operation's outcome, and the coverage line.</summary>
internal sealed class ContractReport(IReadOnlyList<OperationOutcome> outcomes, IReadOnlyList<PrismTarget> targets, IReadOnlyList<ResponseMode> modes, TimeSpan elapsed)
{
    public IReadOnlyList<OperationOutcome> Outcomes { get; } = outcomes;

    public IReadOnlyList<PrismTarget> Targets { get; } = targets;

    public IReadOnlyList<ResponseMode> Modes { get; } = modes;

    public TimeSpan Elapsed { get; } = elapsed;

    public int Passed => Outcomes.Count(o => o.Passed);

    public int CallCount => Outcomes.Sum(o => o.Calls.Count);

    public OperationOutcome this[string operationId] => Outcomes.Single(o => o.Operation.OperationId == operationId);

    /// <summary><c>contract: N/284 operations passed</c></summary>
    public string CoverageLine => $"contract: {Passed}/{Outcomes.Count} operations passed";

    /// <summary>Each deviation of the table and the operations it excused something of.</summary>
    public IEnumerable<string> DeviationUses() =>
        PrismDeviations.All.Select(d =>
            $"{d.Name}: {string.Join(", ", Outcomes.Where(o => o.UsedDeviations.Contains(d)).Select(o => o.Operation.OperationId).DefaultIfEmpty("(nothing)"))}");

    /// <summary>How many calls, against what, in which modes, how long.</summary>
    public string Details =>
        $"{CallCount} calls of the generated methods, against {string.Join(" and ", Targets)}, in {Modes.Count} response modes " +
        $"({string.Join("; ", Modes)}), in {Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s";
}
