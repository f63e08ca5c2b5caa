using System.Text;
using LogtoGenerated.Generator.Parsing;

namespace LogtoGenerated.Generator.Comparing;

/// <summary>
/// The part of the <c>diff</c> report that says which errors of the new document the client corrects, and why
/// (<c>openapi/corrections.json</c>), and which corrections no longer apply to it, so that a refresh shows both.
/// </summary>
internal static class CorrectionReport
{
    /// <param name="all">Every correction of the file.</param>
    /// <param name="applied">Those applied to the new document, with their locations.</param>
    /// <param name="newName">The new document's name.</param>
    /// <param name="format">Text or Markdown.</param>
    public static string Write(IReadOnlyList<DocumentCorrection> all, IReadOnlyList<DocumentCorrection> applied, string newName, ReportFormat format)
    {
        if (all.Count == 0)
        {
            return "";
        }

        var markdown = format == ReportFormat.Markdown;
        var report = new StringBuilder("\n");
        report.Append(markdown ? "### " : "")
            .Append($"Document errors the client corrects in {Code(newName, markdown)} ({DocumentCorrections.FileName}): {applied.Count} of {all.Count}\n");
        if (markdown)
        {
            report.Append('\n');
        }

        foreach (var correction in applied)
        {
            var where = correction.Locations.Count == 1 ? "" : $" ({correction.Locations.Count} places)";
            report.Append(markdown ? "- " : "  ").Append(Code(correction.Path, markdown)).Append(where).Append(": ").Append(correction.Reason)
                .Append(" Source: ").Append(Code(correction.Source, markdown)).Append('\n');
        }

        var stale = all.Where(c => applied.All(a => a.Pointer != c.Pointer)).ToList();
        foreach (var correction in stale)
        {
            report.Append(markdown ? "- **" : "  ").Append("NO LONGER APPLIES").Append(markdown ? "**" : "").Append(": ")
                .Append(Code(correction.Pointer, markdown)).Append(' ').Append(Code(correction.Path, markdown))
                .Append(": the new document does not match its path, 'expect' or 'count' (generating says which); remove or update it before generating.\n");
        }

        return report.ToString();
    }

    private static string Code(string text, bool markdown) => markdown ? $"`{text}`" : text;
}
