using System.Runtime.InteropServices;
using System.Security;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// The console sample (<c>samples/LogtoGenerated.Samples.Console</c>) published once per test run as a NativeAOT
/// executable for one target framework, in Release, for the machine's runtime identifier, into a temporary folder.
/// </summary>
/// <remarks>
/// The sample's <c>Program.cs</c> and the library's project are published through a project written to the
/// temporary folder, which sets <c>PublishAot</c> and the target framework. Setting them on the command line instead
/// would reach every project of the build, the generator (a net10.0 build tool) included. The library targets both
/// frameworks, so this builds, trims and runs each of its assemblies: .NET 8's toolchain comes in the
/// <c>Microsoft.DotNet.ILCompiler</c> package, .NET 10's in the <c>Microsoft.NETCore.App.Runtime.NativeAOT.&lt;rid&gt;</c>
/// runtime pack, both of the version the SDK picks.
/// </remarks>
public abstract class NativeConsoleSample : IAsyncLifetime
{
    /// <summary>Prepares the publish of the sample for <paramref name="targetFramework"/>.</summary>
    protected NativeConsoleSample(string targetFramework)
    {
        TargetFramework = targetFramework;
        _folder = Path.Combine(Path.GetTempPath(), "logto-native-sample-" + targetFramework + "-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The target framework the executable is published for.</summary>
    public string TargetFramework { get; }

    /// <summary>How long <c>dotnet publish</c> ran (the library's Release build included).</summary>
    public TimeSpan PublishTime => Publish.Elapsed;

    private readonly string _folder;

    /// <summary>What <c>dotnet publish</c> printed, and its exit code.</summary>
    public ProcessResult Publish { get; private set; } = null!;

    /// <summary>The native executable.</summary>
    public string Executable => Path.Combine(_folder, "publish", "LogtoGenerated.Samples.Console");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        string project = Path.Combine(_folder, "LogtoGenerated.Samples.Console.csproj");
        await File.WriteAllTextAsync(project, ProjectFile());
        Publish = await ProcessRunner.RunDotnetAsync(
            ["publish", project, "-c", "Release", "-o", Path.Combine(_folder, "publish"), "-nologo"],
            _folder,
            TimeSpan.FromMinutes(20));
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        TemporaryFolder.Delete(_folder);

        return Task.CompletedTask;
    }

    /// <summary>Runs the executable with exactly the given <c>LOGTO_*</c> variables (others are removed).</summary>
    public Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> variables)
    {
        var environment = new Dictionary<string, string?>
        {
            ["LOGTO_ENDPOINT"] = null,
            ["LOGTO_TENANT_ID"] = null,
            ["LOGTO_M2M_APP_ID"] = null,
            ["LOGTO_M2M_APP_SECRET"] = null,
        };
        foreach (KeyValuePair<string, string> variable in variables)
        {
            environment[variable.Key] = variable.Value;
        }

        return ProcessRunner.RunAsync(Executable, [], environment, TimeSpan.FromMinutes(1), _folder);
    }

    private string ProjectFile()
    {
        string Escape(string path) => SecurityElement.Escape(path);
        string program = RepositoryRoot.Combine("samples", "LogtoGenerated.Samples.Console", "Program.cs");
        string library = RepositoryRoot.Combine("src", "LogtoGenerated", "LogtoGenerated.csproj");
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <AssemblyName>LogtoGenerated.Samples.Console</AssemblyName>
                <TargetFramework>{TargetFramework}</TargetFramework>
                <RuntimeIdentifier>{RuntimeInformation.RuntimeIdentifier}</RuntimeIdentifier>
                <PublishAot>true</PublishAot>
                <InvariantGlobalization>true</InvariantGlobalization>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{Escape(program)}" />
                <ProjectReference Include="{Escape(library)}" />
              </ItemGroup>
            </Project>
            """;
    }
}

/// <summary>The console sample published with NativeAOT for net10.0.</summary>
public sealed class NativeConsoleSampleNet10() : NativeConsoleSample("net10.0");

/// <summary>The console sample published with NativeAOT for net8.0.</summary>
public sealed class NativeConsoleSampleNet8() : NativeConsoleSample("net8.0");
