using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Packaging;

/// <summary>The NuGet package that <c>dotnet pack</c> makes of <c>src/LogtoGenerated.Kiota</c>: contents, metadata and dependencies.</summary>
[Collection(BuildCollection.Name)]
public sealed class KiotaPackageTests(KiotaPackage package, LibraryPackage library, AuthenticationPackage authentication)
{
    private static readonly string[] TargetFrameworks = NuGetPackage.TargetFrameworks;

    [Fact]
    public void Packing_SucceedsWithoutWarnings() => package.AssertPackedWithoutWarnings();

    [Fact]
    public void Package_HoldsTheAssemblyAndItsXmlDocumentationForEachTargetFramework_AndNothingElseInLib()
    {
        foreach (string[] members in package.AssertLibHoldsTheAssemblyAndItsDocumentation())
        {
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
    public void Dependencies_AreTheAuthenticationPackageOfExactlyTheSameVersionAndKiota_NotTheGeneratedClient_ForEachTargetFramework()
    {
        AssertPacked();

        XElement[] groups = package.MetadataElement("dependencies")!.Elements().ToArray();
        Assert.Equal(TargetFrameworks.Order(), groups.Select(g => (string?)g.Attribute("targetFramework")).Order());
        foreach (XElement group in groups)
        {
            Assert.Equal(
                [
                    ("LogtoGenerated.Authentication", "[" + library.Metadata("version") + "]"),
                    ("Microsoft.Extensions.Configuration.Binder", "10.0.14"),
                    ("Microsoft.Extensions.Http", "10.0.14"),
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
    public void PackagedAssemblies_AreMarkedTrimmable_AndReferenceTheAuthenticationPackageAndKiota_NotTheGeneratedClient()
    {
        AssertPacked();
        foreach (string tfm in TargetFrameworks)
        {
            using var pe = new PEReader(new MemoryStream(package.Read($"lib/{tfm}/LogtoGenerated.Kiota.dll")));
            MetadataReader metadata = pe.GetMetadataReader();

            string[] references = metadata.AssemblyReferences.Select(r => metadata.GetString(metadata.GetAssemblyReference(r).Name)).ToArray();
            Assert.Contains("LogtoGenerated.Authentication", references);
            Assert.DoesNotContain("LogtoGenerated", references);
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

    [Fact]
    public async Task A_Kiota_apps_restore_from_the_packed_packages_brings_the_authentication_package_and_Kiota_but_not_the_generated_client()
    {
        AssertPacked();
        Assert.True(authentication.Pack.ExitCode == 0, "LogtoGenerated.Authentication was not packed:\n" + authentication.Pack.Transcript);
        string folder = TemporaryFolder.Create("logto-kiota-restore");
        try
        {
            // A feed with every package of this repository (the generated client's too, so that restore could pick it),
            // besides the machine's own package sources (for Kiota and Microsoft.Extensions); packages go to a folder of
            // their own, so that the packages made here never reach the machine's global package folder.
            string feed = Directory.CreateDirectory(Path.Combine(folder, "feed")).FullName;
            foreach (string nupkg in new[] { package.PackagePath, authentication.PackagePath, library.PackagePath })
            {
                File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)));
            }

            string app = Directory.CreateDirectory(Path.Combine(folder, "app")).FullName;
            await File.WriteAllTextAsync(Path.Combine(app, "nuget.config"), $$"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="logtogenerated-packed" value="{{feed}}" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(app, "KiotaApp.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="LogtoGenerated.Kiota" Version="{{package.Metadata("version")}}" />
                  </ItemGroup>
                </Project>
                """);

            ProcessResult restore = await ProcessRunner.RunDotnetAsync(
                ["restore", app, "--packages", Path.Combine(folder, "packages"), "-nologo"], app, TimeSpan.FromMinutes(5));
            Assert.True(restore.ExitCode == 0, "restore failed:\n" + restore.Transcript);

            using JsonDocument assets = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app, "obj", "project.assets.json")));
            string[] libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name).ToArray();
            Assert.Contains("LogtoGenerated.Kiota/" + package.Metadata("version"), libraries);
            Assert.Contains("LogtoGenerated.Authentication/" + package.Metadata("version"), libraries);
            Assert.Contains(libraries, l => l.StartsWith("Microsoft.Kiota.Abstractions/", StringComparison.Ordinal));
            Assert.DoesNotContain(libraries, l => l.StartsWith("LogtoGenerated/", StringComparison.Ordinal));
        }
        finally
        {
            TemporaryFolder.Delete(folder);
        }
    }

    private void AssertPacked() => package.AssertPacked();
}
