using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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

    /// <summary>Starts the executable on a free port of 127.0.0.1 with the given <c>Logto</c> section, and waits until it answers.</summary>
    public async Task<RunningApi> StartAsync(Uri logtoEndpoint, string resource)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(Executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logto__Endpoint"] = logtoEndpoint.AbsoluteUri;
        start.Environment["Logto__Resource"] = resource;
        var process = Process.Start(start)!;
        var api = new RunningApi(process, new Uri($"http://127.0.0.1:{port}/"));
        await api.WaitUntilUpAsync();
        return api;
    }

    /// <summary>The running executable; disposing it stops it.</summary>
    public sealed class RunningApi(Process process, Uri address) : IDisposable
    {
        public HttpClient Http { get; } = new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };

        public async Task WaitUntilUpAsync()
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The native ProtectedApi exited with {process.ExitCode}: {await process.StandardOutput.ReadToEndAsync()}{await process.StandardError.ReadToEndAsync()}");
                }

                try
                {
                    using HttpResponseMessage response = await Http.GetAsync("health");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            throw new TimeoutException($"The native ProtectedApi did not answer at {Http.BaseAddress} within 30 s.");
        }

        public void Dispose()
        {
            Http.Dispose();
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            process.Dispose();
        }
    }
}
