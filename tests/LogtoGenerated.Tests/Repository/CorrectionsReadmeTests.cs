using System.Text.Json;

namespace LogtoGenerated.Tests.Repository;

/// <summary>The README's list of document corrections is the list in <c>openapi/corrections.json</c>.</summary>
public sealed class CorrectionsReadmeTests
{
    [Fact]
    public void Every_correction_of_the_document_has_its_row_in_the_README_with_its_reason_and_nothing_else_is_listed()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "openapi", "corrections.json")));
        var corrections = file.RootElement.GetProperty("corrections").EnumerateArray()
            .Select(c => (Row: $"| `{c.GetProperty("op").GetString()}` `{c.GetProperty("path").GetString()}` |", Reason: c.GetProperty("reason").GetString()!))
            .ToList();
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var rows = readme.Where(line => line.StartsWith("| `replace` `", StringComparison.Ordinal) || line.StartsWith("| `remove` `", StringComparison.Ordinal) || line.StartsWith("| `add` `", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(corrections);
        Assert.All(corrections, c => Assert.Contains(rows, row => row.StartsWith(c.Row, StringComparison.Ordinal) && row.Contains(c.Reason, StringComparison.Ordinal)));
        Assert.Equal(corrections.Count, rows.Count);
    }
}
