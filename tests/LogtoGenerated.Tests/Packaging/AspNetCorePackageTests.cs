using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Packaging;

/// <summary>
/// The NuGet package that <c>dotnet pack</c> makes of <c>src/LogtoGenerated.AspNetCore</c>: each target framework on its
/// own JwtBearer release line, the ASP.NET Core framework reference, and no dependency on the generated client.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class AspNetCorePackageTests(AspNetCorePackage package, LibraryPackage library)
{
    private static readonly string[] TargetFrameworks = NuGetPackage.TargetFrameworks;

    [Fact]
    public void Packing_succeeds_without_warnings() => package.AssertPackedWithoutWarnings();

    [Fact]
    public void Package_holds_the_assembly_and_its_documentation_for_each_target_framework()
    {
        foreach (string[] members in package.AssertLibHoldsTheAssemblyAndItsDocumentation())
        {
            Assert.Contains("T:LogtoGenerated.AspNetCore.LogtoJwtBearerOptions", members);
            Assert.Contains(members, m => m.StartsWith("M:Microsoft.Extensions.DependencyInjection.LogtoJwtBearerExtensions.AddLogtoJwtBearer", StringComparison.Ordinal));
            Assert.Contains(members, m => m.StartsWith("M:LogtoGenerated.AspNetCore.LogtoAuthorizationPolicyBuilderExtensions.RequireLogtoScopes", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Dependencies_are_the_JwtBearer_handler_of_each_frameworks_release_line_and_not_the_client()
    {
        AssertPacked();

        XElement[] groups = package.MetadataElement("dependencies")!.Elements().ToArray();
        Assert.Equal(TargetFrameworks.Order(), groups.Select(g => (string?)g.Attribute("targetFramework")).Order());
        var expected = new Dictionary<string, string> { ["net10.0"] = "10.0.15", ["net8.0"] = "8.0.34" };
        foreach (XElement group in groups)
        {
            string framework = (string)group.Attribute("targetFramework")!;
            Assert.Equal(
                [("Microsoft.AspNetCore.Authentication.JwtBearer", expected[framework])],
                group.Elements().Select(d => ((string)d.Attribute("id")!, (string?)d.Attribute("version"))).Order());
        }

        XElement frameworks = package.MetadataElement("frameworkReferences")!;
        Assert.All(frameworks.Elements(), group => Assert.Equal("Microsoft.AspNetCore.App", (string?)group.Elements().Single().Attribute("name")));
        Assert.Equal(library.Metadata("version"), package.Metadata("version"));
        Assert.Equal(File.ReadAllBytes(RepositoryRoot.Combine("src", "LogtoGenerated.AspNetCore", "PackageReadme.md")), package.Read("README.md"));
    }

    [Fact]
    public void Packaged_assemblies_are_trimmable_and_reference_no_LogtoGenerated_assembly()
    {
        AssertPacked();
        foreach (string tfm in TargetFrameworks)
        {
            using var pe = new PEReader(new MemoryStream(package.Read($"lib/{tfm}/LogtoGenerated.AspNetCore.dll")));
            MetadataReader metadata = pe.GetMetadataReader();

            string[] references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToArray();
            Assert.Contains("Microsoft.AspNetCore.Authentication.JwtBearer", references);
            Assert.DoesNotContain(references, r => r.StartsWith("LogtoGenerated", StringComparison.Ordinal));
            Assert.Contains(NuGetPackage.AssemblyMetadata(metadata), pair => pair == ("IsTrimmable", "True"));
        }
    }

    private void AssertPacked() => package.AssertPacked();
}
