using System.Reflection.Metadata;
using System.IO.Compression;
using System.Xml.Linq;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Packaging;

/// <summary>
/// The NuGet package and symbol package of a project of <c>src/</c>, made once per test run by <c>dotnet pack -c Release</c>
/// (the command the README gives) into a temporary folder.
/// </summary>
public abstract class NuGetPackage : IAsyncLifetime
{
    private readonly string _folder;

    /// <summary>Prepares the packing of <c>src/{projectName}/{projectName}.csproj</c>.</summary>
    protected NuGetPackage(string projectName)
    {
        ProjectName = projectName;
        _folder = Path.Combine(Path.GetTempPath(), "logto-package-" + projectName + "-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The project's name, which is also the package id.</summary>
    public string ProjectName { get; }

    /// <summary>What <c>dotnet pack</c> printed, and its exit code.</summary>
    public ProcessResult Pack { get; private set; } = null!;

    /// <summary>The file names of the <c>.nupkg</c> entries, with <c>/</c> separators.</summary>
    public IReadOnlyList<string> Entries { get; private set; } = [];

    /// <summary>The file names of the <c>.snupkg</c> entries.</summary>
    public IReadOnlyList<string> SymbolEntries { get; private set; } = [];

    /// <summary>The package's <c>.nuspec</c>.</summary>
    public XDocument Nuspec { get; private set; } = new();

    /// <summary>The <c>.nupkg</c> file.</summary>
    public string PackagePath { get; private set; } = "";

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        Pack = await ProcessRunner.RunDotnetAsync(
            ["pack", RepositoryRoot.Combine("src", ProjectName, ProjectName + ".csproj"), "-c", "Release", "-o", _folder, "-nologo"],
            _folder,
            TimeSpan.FromMinutes(20));
        if (Pack.ExitCode != 0)
        {
            return;
        }

        PackagePath = Directory.GetFiles(_folder, "*.nupkg").Single();
        using (ZipArchive package = ZipFile.OpenRead(PackagePath))
        {
            Entries = package.Entries.Select(e => e.FullName).ToArray();
            await using Stream nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            Nuspec = await XDocument.LoadAsync(nuspec, LoadOptions.None, CancellationToken.None);
        }

        using ZipArchive symbols = ZipFile.OpenRead(Directory.GetFiles(_folder, "*.snupkg").Single());
        SymbolEntries = symbols.Entries.Select(e => e.FullName).ToArray();
    }

    /// <summary>The target frameworks every package of this repository builds for.</summary>
    public static readonly string[] TargetFrameworks = ["net10.0", "net8.0"];

    /// <summary>Fails with <c>dotnet pack</c>'s transcript unless the package was made.</summary>
    public void AssertPacked() => Assert.True(Pack.ExitCode == 0, ProjectName + " was not packed:\n" + Pack.Transcript);

    /// <summary>Fails unless the package was made without a warning.</summary>
    public void AssertPackedWithoutWarnings()
    {
        AssertPacked();
        Assert.True(Pack.Warnings.Count == 0, "warnings:\n" + string.Join('\n', Pack.Warnings));
    }

    /// <summary>
    /// Fails unless <c>lib/</c> holds exactly the assembly and its XML documentation for each target framework; the
    /// documented member ids (<c>T:...</c>, <c>M:...</c>) of each.
    /// </summary>
    public IEnumerable<string[]> AssertLibHoldsTheAssemblyAndItsDocumentation()
    {
        AssertPacked();
        string[] expected = TargetFrameworks
            .SelectMany(tfm => new[] { $"lib/{tfm}/{ProjectName}.dll", $"lib/{tfm}/{ProjectName}.xml" }).Order().ToArray();
        Assert.Equal(expected, Entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Order());
        return TargetFrameworks.Select(tfm => XDocument.Parse(System.Text.Encoding.UTF8.GetString(Read($"lib/{tfm}/{ProjectName}.xml")))
            .Descendants("member").Select(m => (string?)m.Attribute("name") ?? "").ToArray()).ToArray();
    }

    /// <summary>The runtimes the package holds ReadyToRun images for (src/Directory.Build.targets).</summary>
    public static readonly string[] ReadyToRunRuntimes = ["linux-x64"];

    /// <summary>
    /// Asserts that runtimes/ holds, for each runtime and target framework, the assembly of lib/ (the same module id)
    /// precompiled (a ReadyToRun header), and nothing else.
    /// </summary>
    public void AssertRuntimesHoldReadyToRunImagesOfTheLibAssembly()
    {
        AssertPacked();
        string[] expected = ReadyToRunRuntimes
            .SelectMany(rid => TargetFrameworks.Select(tfm => $"runtimes/{rid}/lib/{tfm}/{ProjectName}.dll")).Order().ToArray();
        Assert.Equal(expected, Entries.Where(e => e.StartsWith("runtimes/", StringComparison.Ordinal)).Order());

        foreach (string rid in ReadyToRunRuntimes)
        {
            foreach (string tfm in TargetFrameworks)
            {
                (Guid ilModule, bool ilPrecompiled) = Describe(Read($"lib/{tfm}/{ProjectName}.dll"));
                (Guid imageModule, bool imagePrecompiled) = Describe(Read($"runtimes/{rid}/lib/{tfm}/{ProjectName}.dll"));
                Assert.False(ilPrecompiled, $"lib/{tfm}/{ProjectName}.dll is precompiled; lib/ holds the portable IL.");
                Assert.True(imagePrecompiled, $"runtimes/{rid}/lib/{tfm}/{ProjectName}.dll has no ReadyToRun code.");
                Assert.Equal(ilModule, imageModule);
            }
        }
    }

    private static (Guid Module, bool Precompiled) Describe(byte[] assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(new MemoryStream(assembly));
        MetadataReader metadata = pe.GetMetadataReader();
        bool precompiled = pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
        return (metadata.GetGuid(metadata.GetModuleDefinition().Mvid), precompiled);
    }

    /// <summary>The bytes of one entry of the <c>.nupkg</c>.</summary>
    public byte[] Read(string entry)
    {
        using ZipArchive package = ZipFile.OpenRead(PackagePath);
        using Stream stream = (package.GetEntry(entry) ?? throw new InvalidOperationException("the package has no " + entry)).Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The value of a <c>metadata</c> element of the nuspec, or <see langword="null"/>.</summary>
    public string? Metadata(string name) => MetadataElement(name)?.Value;

    /// <summary>A <c>metadata</c> element of the nuspec, or <see langword="null"/>.</summary>
    public XElement? MetadataElement(string name) =>
        Nuspec.Root?.Elements().Single(e => e.Name.LocalName == "metadata").Elements().SingleOrDefault(e => e.Name.LocalName == name);

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        TemporaryFolder.Delete(_folder);

        return Task.CompletedTask;
    }

    /// <summary>The <c>[AssemblyMetadata]</c> key/value pairs of an assembly read from a package.</summary>
    public static IEnumerable<(string Key, string Value)> AssemblyMetadata(MetadataReader metadata)
    {
        foreach (CustomAttributeHandle handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = metadata.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            var constructor = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            var type = metadata.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (metadata.GetString(type.Name) != "AssemblyMetadataAttribute")
            {
                continue;
            }

            BlobReader value = metadata.GetBlobReader(attribute.Value);
            value.ReadUInt16(); // prolog
            yield return (value.ReadSerializedString()!, value.ReadSerializedString()!);
        }
    }
}

/// <summary>The library's package, <c>LogtoGenerated</c>.</summary>
public sealed class LibraryPackage() : NuGetPackage("LogtoGenerated");

/// <summary>The package of client-credentials authentication without generated code, <c>LogtoGenerated.Authentication</c>.</summary>
public sealed class AuthenticationPackage() : NuGetPackage("LogtoGenerated.Authentication");

/// <summary>The package of Logto authentication for Kiota clients, <c>LogtoGenerated.Kiota</c>.</summary>
public sealed class KiotaPackage() : NuGetPackage("LogtoGenerated.Kiota");

/// <summary>The package that protects ASP.NET Core APIs with Logto tokens, <c>LogtoGenerated.AspNetCore</c>.</summary>
public sealed class AspNetCorePackage() : NuGetPackage("LogtoGenerated.AspNetCore");
