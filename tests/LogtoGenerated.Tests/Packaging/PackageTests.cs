using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Packaging;

/// <summary>The NuGet package that <c>dotnet pack</c> makes of the library: contents, metadata and dependencies.</summary>
[Collection(BuildCollection.Name)]
public sealed class PackageTests(LibraryPackage package)
{
    private static readonly string[] TargetFrameworks = NuGetPackage.TargetFrameworks;

    [Fact]
    public void Packing_SucceedsWithoutWarnings() => package.AssertPackedWithoutWarnings();

    [Fact]
    public void Package_HoldsTheAssemblyPrecompiledForLinuxX64_BesideItsIl()
        => package.AssertRuntimesHoldReadyToRunImagesOfTheLibAssembly();

    [Fact]
    public void Package_HoldsTheAssemblyAndItsXmlDocumentationForEachTargetFramework_AndNothingElseInLib()
    {
        foreach (string[] members in package.AssertLibHoldsTheAssemblyAndItsDocumentation())
        {
            Assert.Contains("T:LogtoGenerated.LogtoManagementClient", members);
        }
    }

    [Fact]
    public void Nuspec_HasIdVersionDescriptionAuthorsAndTags()
    {
        AssertPacked();

        Assert.Equal("LogtoGenerated", package.Metadata("id"));
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", package.Metadata("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("authors")));
        Assert.Contains("logto", package.Metadata("tags")!.Split(' '));
        Assert.Contains("Management API", package.Metadata("description"), StringComparison.Ordinal);
    }

    [Fact]
    public void Description_NamesTheLogtoVersionOfTheVendoredDocument()
    {
        AssertPacked();
        using JsonDocument lockFile = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("openapi", "openapi.lock.json")));
        string logtoVersion = lockFile.RootElement.GetProperty("logtoVersion").GetString()!;

        Assert.Contains("Logto " + logtoVersion, package.Metadata("description"), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_CarriesTheMitLicenseAsExpressionAndText()
    {
        AssertPacked();

        XElement license = package.MetadataElement("license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("LICENSE")), package.Read("LICENSE"));
    }

    [Fact]
    public void Package_CarriesTheReadmeItNames()
    {
        AssertPacked();

        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("src", "LogtoGenerated", "PackageReadme.md")), package.Read("README.md"));
    }

    [Fact]
    public void Nuspec_NamesTheGitRepositoryAndTheCommitItWasBuiltFrom()
    {
        AssertPacked();

        XElement repository = package.MetadataElement("repository")!;
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
        Assert.Equal((string?)repository.Attribute("url"), package.Metadata("projectUrl"));
    }

    [Fact]
    public void Dependencies_AreExactlyTheLibrariesTheClientUses_ForEachTargetFramework()
    {
        AssertPacked();
        // The shared token cache needs only IDistributedCache (Microsoft.Extensions.Caching.Abstractions): a Redis or
        // SQL Server client is the application's choice, never forced on every user.
        string[] expected =
        [
            "LogtoGenerated.Authentication",
            "Microsoft.Extensions.Caching.Abstractions",
            "Microsoft.Extensions.Configuration.Abstractions",
            "Microsoft.Extensions.Configuration.Binder",
            "Microsoft.Extensions.Http",
            "Microsoft.Extensions.Logging.Abstractions",
            "System.Threading.RateLimiting",
        ];

        XElement[] groups = package.MetadataElement("dependencies")!.Elements().ToArray();
        Assert.Equal(TargetFrameworks.Order(), groups.Select(g => (string?)g.Attribute("targetFramework")).Order());
        foreach (XElement group in groups)
        {
            Assert.Equal(expected, group.Elements().Select(d => (string)d.Attribute("id")!).Order());

            // Released together, and the client uses the authentication package's internals: exactly the same version.
            XElement authentication = group.Elements().Single(d => (string?)d.Attribute("id") == "LogtoGenerated.Authentication");
            Assert.Equal("[" + package.Metadata("version") + "]", (string?)authentication.Attribute("version"));
        }
    }

    [Fact]
    public void PackagedAssemblies_AreMarkedTrimmable_AndReferenceNeitherTheGeneratorNorItsLibraries()
    {
        AssertPacked();
        foreach (string tfm in TargetFrameworks)
        {
            using var pe = new PEReader(new MemoryStream(package.Read($"lib/{tfm}/LogtoGenerated.dll")));
            MetadataReader metadata = pe.GetMetadataReader();

            string[] references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToArray();
            Assert.DoesNotContain(references, r => r.StartsWith("LogtoGenerated.Generator", StringComparison.Ordinal)
                || r.StartsWith("Microsoft.OpenApi", StringComparison.Ordinal)
                || r.StartsWith("Humanizer", StringComparison.Ordinal)
                || r.StartsWith("xunit", StringComparison.Ordinal));
            Assert.Contains(NuGetPackage.AssemblyMetadata(metadata), pair => pair == ("IsTrimmable", "True"));
        }
    }

    [Fact]
    public void SymbolPackage_HoldsThePortablePdbForEachTargetFramework()
    {
        AssertPacked();

        foreach (string tfm in TargetFrameworks)
        {
            Assert.Contains($"lib/{tfm}/LogtoGenerated.pdb", package.SymbolEntries);
        }
    }

    private void AssertPacked() => package.AssertPacked();
}
