using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Packaging;

/// <summary>The NuGet package that <c>dotnet pack</c> makes of <c>src/LogtoGenerated.Kiota</c>: contents, metadata and dependencies.</summary>
[Collection(BuildCollection.Name)]
public sealed class KiotaPackageTests(KiotaPackage package, LibraryPackage library)
{
    private static readonly string[] TargetFrameworks = ["net10.0", "net8.0"];

    [Fact]
    public void Packing_SucceedsWithoutWarnings()
    {
        Assert.True(package.Pack.ExitCode == 0, "dotnet pack failed:\n" + package.Pack.Transcript);
        Assert.True(package.Pack.Warnings.Count == 0, "warnings:\n" + string.Join('\n', package.Pack.Warnings));
    }

    [Fact]
    public void Package_HoldsTheAssemblyAndItsXmlDocumentationForEachTargetFramework_AndNothingElseInLib()
    {
        AssertPacked();
        string[] expected = TargetFrameworks
            .SelectMany(tfm => new[] { $"lib/{tfm}/LogtoGenerated.Kiota.dll", $"lib/{tfm}/LogtoGenerated.Kiota.xml" }).Order().ToArray();

        Assert.Equal(expected, package.Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order());
        foreach (string tfm in TargetFrameworks)
        {
            XDocument docs = XDocument.Parse(Encoding.UTF8.GetString(package.Read($"lib/{tfm}/LogtoGenerated.Kiota.xml")));
            string[] members = docs.Descendants("member").Select(m => (string?)m.Attribute("name") ?? "").ToArray();
            Assert.Contains("T:LogtoGenerated.Kiota.LogtoKiotaAuthenticationProvider", members);
            Assert.Contains("T:LogtoGenerated.Kiota.LogtoTokenRefreshHandler", members);
            Assert.Contains("T:LogtoGenerated.Kiota.LogtoKiotaClientOptions", members);
            Assert.Contains(members, m => m.StartsWith("M:Microsoft.Extensions.DependencyInjection.LogtoKiotaServiceCollectionExtensions.AddLogtoKiotaClient", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Nuspec_HasIdTheLibrarysVersionDescriptionAndTags()
    {
        AssertPacked();

        Assert.Equal("LogtoGenerated.Kiota", package.Metadata("id"));
        Assert.Equal(library.Metadata("version"), package.Metadata("version"));
        Assert.Equal(library.Metadata("authors"), package.Metadata("authors"));
        Assert.Contains("kiota", package.Metadata("tags")!.Split(' '));
        Assert.Contains("IAuthenticationProvider", package.Metadata("description"), StringComparison.Ordinal);
    }

    [Fact]
    public void Dependencies_AreTheLibraryOfTheSameVersionAndKiotasAbstractionsAndHttpClientLibrary_ForEachTargetFramework()
    {
        AssertPacked();

        XElement[] groups = package.MetadataElement("dependencies")!.Elements().ToArray();
        Assert.Equal(TargetFrameworks.Order(), groups.Select(g => (string?)g.Attribute("targetFramework")).Order());
        foreach (XElement group in groups)
        {
            Assert.Equal(
                [
                    ("LogtoGenerated", library.Metadata("version")),
                    ("Microsoft.Kiota.Abstractions", "2.1.6"),
                    ("Microsoft.Kiota.Http.HttpClientLibrary", "2.1.6"),
                ],
                group.Elements().Select(d => ((string)d.Attribute("id")!, (string?)d.Attribute("version"))).Order());
        }
    }

    [Fact]
    public void Package_CarriesItsOwnReadmeAndTheMitLicense()
    {
        AssertPacked();

        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("src", "LogtoGenerated.Kiota", "PackageReadme.md")), package.Read("README.md"));
        Assert.Equal("MIT", package.MetadataElement("license")!.Value);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("LICENSE")), package.Read("LICENSE"));
        Assert.Equal(library.MetadataElement("repository")!.ToString(), package.MetadataElement("repository")!.ToString());
    }

    [Fact]
    public void PackagedAssemblies_AreMarkedTrimmable_AndReferenceTheLibraryAndKiota()
    {
        AssertPacked();
        foreach (string tfm in TargetFrameworks)
        {
            using var pe = new PEReader(new MemoryStream(package.Read($"lib/{tfm}/LogtoGenerated.Kiota.dll")));
            MetadataReader metadata = pe.GetMetadataReader();

            string[] references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToArray();
            Assert.Contains("LogtoGenerated", references);
            Assert.Contains("Microsoft.Kiota.Abstractions", references);
            Assert.DoesNotContain(references, r => r.StartsWith("LogtoGenerated.Generator", StringComparison.Ordinal) || r.StartsWith("xunit", StringComparison.Ordinal));
            Assert.Contains(NuGetPackage.AssemblyMetadata(metadata), pair => pair == ("IsTrimmable", "True"));
        }
    }

    [Fact]
    public void SymbolPackage_HoldsThePortablePdbForEachTargetFramework()
    {
        AssertPacked();

        foreach (string tfm in TargetFrameworks)
        {
            Assert.Contains($"lib/{tfm}/LogtoGenerated.Kiota.pdb", package.SymbolEntries);
        }
    }

    private void AssertPacked() =>
        Assert.True(package.Pack.ExitCode == 0, "LogtoGenerated.Kiota was not packed:\n" + package.Pack.Transcript);
}
