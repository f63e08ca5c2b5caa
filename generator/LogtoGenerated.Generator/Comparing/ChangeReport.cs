using System.Text;

namespace LogtoGenerated.Generator.Comparing;

/// <summary>How a change report is written.</summary>
internal enum ReportFormat
{
    /// <summary>Plain text for a terminal or a CI log: indented lines, breaking changes prefixed with <c>BREAKING:</c>.</summary>
    Text,

    /// <summary>Markdown for a pull request or a release note: headings and bullet lists, code in backticks.</summary>
    Markdown,
}

/// <summary>Writes <see cref="ApiChanges"/> as a readable, deterministic report, grouped by kind of change.</summary>
internal static class ChangeReport
{
    private static readonly Dictionary<ChangeGroup, string> Headings = new()
    {
        [ChangeGroup.OperationsRemoved] = "Operations removed",
        [ChangeGroup.OperationsAdded] = "Operations added",
        [ChangeGroup.OperationsChanged] = "Operations changed",
        [ChangeGroup.TypesRenamed] = "Types renamed",
        [ChangeGroup.TypesRemoved] = "Types removed",
        [ChangeGroup.TypesAdded] = "Types added",
        [ChangeGroup.TypesChanged] = "Types changed",
    };

    public static string Write(ApiChanges changes, ReportFormat format)
    {
        var markdown = format == ReportFormat.Markdown;
        var report = new StringBuilder();
        if (markdown)
        {
            report.Append("## Changes to the client\n\n");
        }

        var breaking = changes.BreakingSummary + (changes.BreakingCount == 0 ? "" : " (marked BREAKING)");
        var other = changes.OtherSummary;
        var summary = changes.Changes.Count == 0
            ? $"No changes for users of the client from `{changes.OldName}` to `{changes.NewName}`."
            : $"Changes to the client from `{changes.OldName}` to `{changes.NewName}`: {(markdown && changes.BreakingCount > 0 ? "**" + breaking + "**" : breaking)}, {other}.";
        report.Append(Code(summary, markdown)).Append('\n');

        foreach (var group in Enum.GetValues<ChangeGroup>())
        {
            var inGroup = changes.Changes.Where(c => c.Group == group).ToList();
            if (inGroup.Count == 0)
            {
                continue;
            }

            report.Append('\n').Append(markdown ? "### " : "").Append(Headings[group]).Append('\n');
            if (markdown)
            {
                report.Append('\n');
            }

            // Subjects in order of their sort key; the changes of one subject in the order they were found.
            var subjects = inGroup
                .GroupBy(c => (c.SortKey, c.Subject))
                .OrderBy(g => g.Key.SortKey, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Subject, StringComparer.Ordinal);
            foreach (var subject in subjects)
            {
                var details = subject.Where(c => c.Detail is not null).ToList();
                if (details.Count == 0)
                {
                    // Added, removed, renamed: the subject is the whole line.
                    report.Append(markdown ? "- " : "  ").Append(subject.Any(c => c.Breaking) ? Breaking(markdown) : "").Append(Code(subject.Key.Subject, markdown)).Append('\n');
                    continue;
                }

                report.Append(markdown ? "- " : "  ").Append(Code(subject.Key.Subject, markdown)).Append('\n');
                foreach (var change in details)
                {
                    report.Append(markdown ? "  - " : "    ").Append(change.Breaking ? Breaking(markdown) : "").Append(Code(change.Detail!, markdown)).Append('\n');
                }
            }
        }

        return report.ToString();
    }

    private static string Breaking(bool markdown) => markdown ? "**BREAKING:** " : "BREAKING: ";

    /// <summary>Markdown keeps the backticks around code; plain text drops them.</summary>
    private static string Code(string text, bool markdown) => markdown ? text : text.Replace("`", "", StringComparison.Ordinal);
}
