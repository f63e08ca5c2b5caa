using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Repository;

/// <summary>
/// The changelog and the README's table of versions speak of the version being built and of the Logto release its
/// document comes from (openapi/openapi.lock.json), so that a version bump or a new document cannot leave them behind.
/// </summary>
public sealed partial class ChangelogTests
{
    [Fact]
    public void The_changelogs_newest_entry_is_the_packages_version_made_from_the_committed_Logto_release()
    {
        string newest = File.ReadLines(RepositoryRoot.Combine("CHANGELOG.md")).First(line => line.StartsWith("## ", StringComparison.Ordinal));

        Assert.Equal($"## {PackageVersion()}: Logto {LogtoRelease()}", newest);
    }

    [Fact]
    public void The_README_says_which_Logto_release_this_minor_version_is_made_from()
    {
        string minor = string.Join('.', PackageVersion().Split('.').Take(2));

        Assert.Contains($"| {minor}.x | {LogtoRelease()} |", File.ReadAllText(RepositoryRoot.Combine("README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_changelog_entry_names_a_version_and_a_Logto_release_newest_first()
    {
        List<string> headings = [.. File.ReadLines(RepositoryRoot.Combine("CHANGELOG.md")).Where(line => line.StartsWith("## ", StringComparison.Ordinal))];

        Assert.All(headings, heading => Assert.Matches(EntryHeading(), heading));
        List<Version> versions = [.. headings.Select(heading => Version.Parse(EntryHeading().Match(heading).Groups[1].Value))];
        Assert.NotEmpty(versions);
        Assert.Equal(versions.OrderDescending(), versions);
    }

    private static string PackageVersion() =>
        XDocument.Load(RepositoryRoot.Combine("src", "Directory.Build.props")).Descendants("VersionPrefix").Single().Value;

    private static string LogtoRelease()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("openapi", "openapi.lock.json")));
        return lockFile.RootElement.GetProperty("logtoVersion").GetString()!;
    }

    [GeneratedRegex(@"^## (\d+\.\d+\.\d+): Logto \d+\.\d+\.\d+$")]
    private static partial Regex EntryHeading();
}
