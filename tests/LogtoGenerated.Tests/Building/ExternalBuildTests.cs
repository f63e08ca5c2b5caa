using System.Security;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Building;

/// <summary>
/// The library builds as a project reference of an application outside this repository's solution, with
/// <c>--artifacts-path</c> (the SDK's central output layout), where the generation stamp's folder does not exist beforehand.
/// </summary>
[Collection(BuildCollection.Name)]
public sealed class ExternalBuildTests
{
    [Fact]
    public async Task An_application_outside_the_solution_builds_the_library_as_a_project_reference_with_an_artifacts_path()
    {
        string folder = TemporaryFolder.Create("logto-external-build");
        try
        {
            string library = RepositoryRoot.Combine("src", "LogtoGenerated", "LogtoGenerated.csproj");
            await File.WriteAllTextAsync(Path.Combine(folder, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{SecurityElement.Escape(library)}" />
                  </ItemGroup>
                </Project>
                """);
            await File.WriteAllTextAsync(Path.Combine(folder, "Program.cs"), """
                var options = new LogtoGenerated.LogtoManagementOptions { TenantId = "abc123", ClientId = "id", ClientSecret = "secret" };
                Console.WriteLine(LogtoGenerated.LogtoManagementClient.Create(options).Users.GetType().Name);
                """);
            string artifacts = Path.Combine(folder, "artifacts");

            ProcessResult build = await ProcessRunner.RunDotnetAsync(
                ["build", Path.Combine(folder, "App.csproj"), "-c", "Release", "--artifacts-path", artifacts, "-nologo"], folder, TimeSpan.FromMinutes(10));

            Assert.True(build.ExitCode == 0, "dotnet build failed:\n" + build.Transcript);
            Assert.True(File.Exists(Path.Combine(artifacts, "bin", "App", "release", "App.dll")), "App.dll is not in the artifacts folder:\n" + build.Transcript);
            Assert.True(Directory.Exists(Path.Combine(artifacts, "obj", "LogtoGenerated")), "the library's obj/ is not in the artifacts folder");
        }
        finally
        {
            TemporaryFolder.Delete(folder);
        }
    }
}
