using System.Runtime.InteropServices;
using System.Security;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// The console sample (<c>samples/LogtoGenerated.Samples.Console</c>) published once per test run as a NativeAOT
/// executable, in Release, for the machine's runtime identifier, into a temporary folder.
/// </summary>
/// <remarks>
/// The sample's <c>Program.cs</c> and the library's project are published through a project written to the
/// temporary folder, which sets <c>PublishAot</c> for one target framework, <see cref="TargetFramework"/>. Setting
/// it on the command line instead would reach every project of the build (the generator included), and .NET 10's
/// NativeAOT publishing needs the <c>Microsoft.NETCore.App.Runtime.NativeAOT.&lt;rid&gt;</c> pack, which not every
/// package source serves; .NET 8's toolchain is the <c>Microsoft.DotNet.ILCompiler</c> package alone. The library
/// targets both, so this also builds, trims and runs its net8.0 assembly.
/// </remarks>
public sealed class NativeConsoleSample : IAsyncLifetime
{
    /// <summary>The target framework the executable is published for.</summary>
    public const string TargetFramework = "net8.0";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logto-native-sample-" + Guid.NewGuid().ToString("N"));

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
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }

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

    private static string ProjectFile()
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
