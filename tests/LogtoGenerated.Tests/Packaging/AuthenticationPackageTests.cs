using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Packaging;

/// <summary>
/// The NuGet package that <c>dotnet pack</c> makes of <c>src/LogtoGenerated.Authentication</c>: client-credentials
/// authentication with no generated code and no dependency but the logging and caching abstractions.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class AuthenticationPackageTests(AuthenticationPackage package, LibraryPackage library)
{
    private static readonly string[] TargetFrameworks = NuGetPackage.TargetFrameworks;

    [Fact]
    public void Packing_succeeds_without_warnings() => package.AssertPackedWithoutWarnings();

    [Fact]
    public void Package_HoldsTheAssemblyPrecompiledForLinuxX64_BesideItsIl()
        => package.AssertRuntimesHoldReadyToRunImagesOfTheLibAssembly();

    [Fact]
    public void Package_holds_the_assembly_and_its_documentation_with_the_provider_the_handler_and_both_rules()
    {
        foreach (string[] members in package.AssertLibHoldsTheAssemblyAndItsDocumentation())
        {
            Assert.Contains("T:LogtoGenerated.Authentication.ClientCredentialsAuthenticationProvider", members);
            Assert.Contains("T:LogtoGenerated.Authentication.LogtoClientCredentialsHandler", members);
            Assert.Contains("T:LogtoGenerated.Authentication.LogtoAllowedHosts", members);
            Assert.Contains("T:LogtoGenerated.Authentication.LogtoTokenReplay", members);
        }
    }

    [Fact]
    public void Nuspec_has_the_librarys_version_and_the_dependencies_are_the_logging_and_caching_abstractions_only()
    {
        AssertPacked();
        Assert.Equal("LogtoGenerated.Authentication", package.Metadata("id"));
        Assert.Equal(library.Metadata("version"), package.Metadata("version"));
        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("src", "LogtoGenerated.Authentication", "PackageReadme.md")), package.Read("README.md"));

        XElement[] groups = package.MetadataElement("dependencies")!.Elements().ToArray();
        Assert.Equal(TargetFrameworks.Order(), groups.Select(g => (string?)g.Attribute("targetFramework")).Order());
        foreach (XElement group in groups)
        {
            Assert.Equal(
                ["Microsoft.Extensions.Caching.Abstractions", "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Logging.Abstractions"],
                group.Elements().Select(d => (string)d.Attribute("id")!).Order());
        }
    }

    [Fact]
    public void Packaged_assemblies_are_trimmable_reference_no_other_package_of_this_repository_and_have_symbols()
    {
        AssertPacked();
        foreach (string tfm in TargetFrameworks)
        {
            using var pe = new PEReader(new MemoryStream(package.Read($"lib/{tfm}/LogtoGenerated.Authentication.dll")));
            MetadataReader metadata = pe.GetMetadataReader();
            string[] references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToArray();
            Assert.DoesNotContain(references, r => r.StartsWith("LogtoGenerated", StringComparison.Ordinal) || r.StartsWith("Microsoft.Kiota", StringComparison.Ordinal));
            Assert.Contains(NuGetPackage.AssemblyMetadata(metadata), pair => pair == ("IsTrimmable", "True"));
            Assert.Contains($"lib/{tfm}/LogtoGenerated.Authentication.pdb", package.SymbolEntries);
        }
    }

    private void AssertPacked() => package.AssertPacked();
}
