using System.Diagnostics;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Xunit.Abstractions;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>
/// Real, separate processes of one application (tests/LogtoGenerated.SharedCacheProbe, built with these tests) sharing
/// their token through one Redis.
/// </summary>
public sealed class SharedTokenCacheProcessTests : IClassFixture<RedisFixture>, IAsyncLifetime
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(2);

    private readonly RedisServer _redis;
    private readonly ITestOutputHelper _output;
    private FakeLogtoServer _server = null!;
    private SharedCacheSetup _app = null!;

    public SharedTokenCacheProcessTests(RedisFixture redis, ITestOutputHelper output)
    {
        _redis = redis.Server;
        _output = output;
    }

    public async Task InitializeAsync()
    {
        _server = await FakeLogtoServer.StartAsync();
        _app = new SharedCacheSetup(_server, TimeProvider.System);
        SharedCacheSetup.ServeTokensAndUsers(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>The probe application's assembly, from its build output beside this project's.</summary>
    private static string Probe
    {
        get
        {
            // bin/<configuration>/<framework>/ of this project -> the same folders of the probe project.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string framework = output.Name;
            string configuration = output.Parent!.Name;
            string probe = RepositoryRoot.Combine("tests", "LogtoGenerated.SharedCacheProbe", "bin", configuration, framework, "LogtoGenerated.SharedCacheProbe.dll");
            Assert.True(File.Exists(probe), "The probe application is built with this project; not found at " + probe);
            return probe;
        }
    }

    private string[] ProbeArguments(bool thenOnInput) =>
        [Probe, _server.Endpoint.ToString(), _app.ClientId, _app.ClientSecret, _redis.Configuration, .. thenOnInput ? ["--then-on-input"] : Array.Empty<string>()];

    [Fact]
    public async Task Separate_processes_started_one_after_another_fetch_one_token_in_total()
    {
        for (int process = 0; process < 8; process++)
        {
            ProcessResult result = await ProcessRunner.RunAsync(ProcessRunner.DotnetHost, ProbeArguments(thenOnInput: false), new Dictionary<string, string?>(), ProcessTimeout);
            Assert.True(result.ExitCode == 0, result.Transcript);
        }

        _output.WriteLine("8 processes one after another: " + _app.TokenRequests + " token request(s)");
        Assert.Equal(1, _app.TokenRequests);
        Assert.Equal(8, _app.ApiTokens.Count);
        Assert.All(_app.ApiTokens, token => Assert.Equal("Bearer token-1", token));
    }

    [Fact]
    public async Task Twenty_processes_started_at_once_on_an_empty_cache_fetch_at_most_one_token_each_and_then_all_use_one_token()
    {
        const int Processes = 20;
        var processes = new List<Process>();
        try
        {
            for (int i = 0; i < Processes; i++)
            {
                var start = new ProcessStartInfo(ProcessRunner.DotnetHost)
                {
                    RedirectStandardInput = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (string argument in ProbeArguments(thenOnInput: true))
                {
                    start.ArgumentList.Add(argument);
                }

                processes.Add(Process.Start(start)!);
            }

            // Phase 1: every process makes its first call on the cold cache, all at once.
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            foreach (Process process in processes)
            {
                string? line = await process.StandardOutput.ReadLineAsync(deadline.Token);
                if (line != "called")
                {
                    process.Kill();
                    Assert.Fail("A process did not make its first call: " + line + " " + await process.StandardError.ReadToEndAsync(deadline.Token));
                }
            }

            int coldStartRequests = _app.TokenRequests;
            _output.WriteLine(Processes + " processes at once on an empty cache: " + coldStartRequests + " token request(s)");
            Console.WriteLine("shared token cache: " + Processes + " processes at once on an empty cache: " + coldStartRequests + " token request(s)");
            Assert.InRange(coldStartRequests, 1, Processes);

            // Phase 2: each process calls again with a new client (a new in-process cache): all on the one shared token.
            foreach (Process process in processes)
            {
                await process.StandardInput.WriteLineAsync();
                await process.StandardInput.FlushAsync();
            }

            foreach (Process process in processes)
            {
                await process.WaitForExitAsync(deadline.Token);
                Assert.True(process.ExitCode == 0, "A process failed: " + await process.StandardError.ReadToEndAsync(deadline.Token));
            }

            Assert.Equal(coldStartRequests, _app.TokenRequests);
            IReadOnlyList<string> tokens = _app.ApiTokens;
            Assert.Equal(2 * Processes, tokens.Count);
            Assert.Single(tokens.Skip(Processes).Distinct());
        }
        finally
        {
            foreach (Process process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.Dispose();
            }
        }
    }
}
