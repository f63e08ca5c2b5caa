using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace LogtoGenerated.ContractTests.Server;

/// <summary>
/// A Stoplight Prism mock server (<c>prism mock</c>) for one OpenAPI document, on 127.0.0.1 and a free port, started
/// through <c>prism/run-prism.js</c>, which stops Prism when this process goes away however it goes. Installs the
/// pinned Prism with <c>npm ci</c> first when <c>prism/node_modules</c> lacks it. <see cref="DisposeAsync"/> stops it
/// and kills what is left of its process tree.
/// </summary>
internal sealed partial class PrismServer : IAsyncDisposable
{
    private const int LogLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    private readonly Process _process;
    private readonly Output _output;
    private bool _disposed;

    private PrismServer(Process process, Output output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary><c>http://127.0.0.1:{port}</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The process id of <c>run-prism.js</c> (Prism is its child).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The process id of Prism itself, as <c>run-prism.js</c> reports it; null until it has.</summary>
    public int? PrismProcessId => _output.PrismProcessId;

    /// <summary>Whether the launcher has exited (or this server was disposed).</summary>
    public bool HasExited => _disposed || _process.HasExited;

    /// <summary>
    /// Closes the launcher's standard input and nothing else, as the operating system does when the test host dies
    /// without disposing anything: the launcher then stops Prism and exits by itself.
    /// </summary>
    internal void CloseStandardInput() => _process.StandardInput.Close();

    /// <summary>Waits for the launcher to exit; false when it is still running after <paramref name="timeout"/>.</summary>
    internal async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The last lines Prism wrote, for error messages.</summary>
    public string RecentLog => string.Join(Environment.NewLine, _output.Lines);

    /// <summary>The Prism version <c>prism/package.json</c> pins.</summary>
    public static string PinnedVersion
    {
        get
        {
            var package = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.PrismFolder, "package.json")))!;
            return (string?)package["dependencies"]?["@stoplight/prism-cli"]
                ?? throw new InvalidOperationException("prism/package.json does not depend on @stoplight/prism-cli.");
        }
    }

    /// <summary>The Prism version installed in <c>prism/node_modules</c>, or <see langword="null"/>.</summary>
    public static string? InstalledVersion
    {
        get
        {
            var installed = Path.Combine(RepositoryPaths.PrismFolder, "node_modules", "@stoplight", "prism-cli", "package.json");
            return File.Exists(installed) ? (string?)JsonNode.Parse(File.ReadAllText(installed))!["version"] : null;
        }
    }

    /// <summary>
    /// Starts Prism on <paramref name="document"/> with static examples (a request asks for a dynamic response with
    /// <c>Prefer: dynamic=true, seed=N</c>) and returns once it answers HTTP requests.
    /// </summary>
    /// <param name="document">The OpenAPI document to mock and validate against.</param>
    public static async Task<PrismServer> StartAsync(string document)
    {
        await EnsureInstalledAsync().ConfigureAwait(false);
        Exception? last = null;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            // The port is free now; another process could take it before Prism binds it, hence the retries.
            var port = FreePort();
            var output = new Output();
            var process = Launch(document, port, output);
            var server = new PrismServer(process, output, new Uri($"http://127.0.0.1:{port}"));
            try
            {
                await server.WaitUntilAnsweringAsync().ConfigureAwait(false);
                return server;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                last = e;
                await server.DisposeAsync().ConfigureAwait(false);
                if (!server.RecentLog.Contains("EADDRINUSE", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }

        throw new InvalidOperationException("Prism did not start: " + last?.Message, last);
    }

    /// <summary>
    /// Closes Prism's launcher's standard input (it then stops Prism), waits a little, then kills whatever of the
    /// process tree is still running.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Still running: killed below.
                }
            }
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }

            _process.Dispose();
        }
    }

    private static Process Launch(string document, int port, Output output)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.PrismFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(RepositoryPaths.PrismFolder, "run-prism.js"), "mock", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--multiprocess=false", "--errors=false", "--verboseLevel", "warn",
        }.Append(document))
        {
            start.ArgumentList.Add(argument);
        }

        // Prism forks a second process in production mode; one process is easier to account for.
        start.Environment.Remove("NODE_ENV");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException(
                "Node.js ('node') is needed to run Prism for the contract tests and was not found on PATH. .ci/run installs it; " +
                "on your machine install Node.js 18.20 or newer.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {_process.ExitCode} before answering. Its output:{Environment.NewLine}{RecentLog}");
            }

            try
            {
                // Any answer will do: Prism answers a path the document lacks with 404.
                using var response = await http.GetAsync(new Uri(BaseAddress, "/contract-test-readiness")).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still loading the document.
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Prism did not answer on {BaseAddress} within {StartTimeout.TotalSeconds} s. Its output:{Environment.NewLine}{RecentLog}");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>npm ci</c> in <c>prism/</c> unless the pinned Prism is installed there already (.ci/run installs it first).</summary>
    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (InstalledVersion == PinnedVersion)
            {
                return;
            }

            var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
            {
                WorkingDirectory = RepositoryPaths.PrismFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "ci", "--ignore-scripts", "--no-audit", "--no-fund" })
            {
                start.ArgumentList.Add(argument);
            }

            using var npm = new Process { StartInfo = start };
            try
            {
                npm.Start();
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"Prism {PinnedVersion} is not installed in {RepositoryPaths.PrismFolder}/node_modules and 'npm' was not found to install it. " +
                    "Install Node.js 18.20 or newer with npm, or run 'npm ci' in that folder.", e);
            }

            var output = npm.StandardOutput.ReadToEndAsync();
            var error = npm.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            try
            {
                await npm.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                npm.Kill(entireProcessTree: true);
                throw new TimeoutException($"'npm ci' in {RepositoryPaths.PrismFolder} did not finish within 10 minutes.");
            }

            if (npm.ExitCode != 0 || InstalledVersion != PinnedVersion)
            {
                throw new InvalidOperationException(
                    $"'npm ci' in {RepositoryPaths.PrismFolder} failed (exit code {npm.ExitCode}; installed Prism: {InstalledVersion ?? "none"}):" +
                    $"{Environment.NewLine}{await output.ConfigureAwait(false)}{await error.ConfigureAwait(false)}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>The last lines the launcher and Prism wrote, and Prism's process id once the launcher has reported it.</summary>
    private sealed partial class Output
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private int _prismProcessId;

        public IEnumerable<string> Lines => _lines;

        public int? PrismProcessId => Volatile.Read(ref _prismProcessId) is > 0 and var id ? id : null;

        public void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (PrismPid().Match(line) is { Success: true } pid)
            {
                Volatile.Write(ref _prismProcessId, int.Parse(pid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            }

            _lines.Enqueue(line);
            while (_lines.Count > LogLines && _lines.TryDequeue(out _))
            {
            }
        }

        [System.Text.RegularExpressions.GeneratedRegex(@"^run-prism: Prism runs as process (\d+)$")]
        private static partial System.Text.RegularExpressions.Regex PrismPid();
    }
}
