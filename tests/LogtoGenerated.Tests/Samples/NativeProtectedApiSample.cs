using System.Runtime.InteropServices;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// The ProtectedApi sample (<c>samples/LogtoGenerated.Samples.ProtectedApi</c>) published once per test run as a
/// NativeAOT executable (net10.0, Release, the machine's runtime identifier) into a temporary folder. The sample's
/// project sets <c>PublishAot</c> when a runtime identifier is given, and the repository's warnings-as-errors makes
/// any trim or AOT warning fail the publish.
/// </summary>
public sealed class NativeProtectedApiSample : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logto-native-protected-api-" + Guid.NewGuid().ToString("N"));

    /// <summary>What <c>dotnet publish</c> printed, and its exit code.</summary>
    public ProcessResult Publish { get; private set; } = null!;

    /// <summary>The native executable.</summary>
    public string Executable => Path.Combine(_folder, "LogtoGenerated.Samples.ProtectedApi");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Publish = await ProcessRunner.RunDotnetAsync(
            ["publish", RepositoryRoot.Combine("samples", "LogtoGenerated.Samples.ProtectedApi", "LogtoGenerated.Samples.ProtectedApi.csproj"),
             "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", _folder, "-nologo"],
            RepositoryRoot.Path,
            TimeSpan.FromMinutes(20));
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        TemporaryFolder.Delete(_folder);

        return Task.CompletedTask;
    }

    /// <summary>Starts the executable on a free port of 127.0.0.1 with the given <c>Logto</c> section, and waits until it answers.</summary>
    internal Task<ProtectedApiProcess> StartAsync(Uri logtoEndpoint, string resource) =>
        ProtectedApiProcess.StartAsync(Executable, [], logtoEndpoint, resource);
}
