using System.Diagnostics;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Xunit.Abstractions;

namespace LogtoGenerated.Tests.Authentication.SharedCache;

/// <summary>
/// Real, separate processes of one application (tests/LogtoGenerated.SharedCacheProbe, built with these tests) sharing
/// their token through one Redis, with the library's default bounds: through Microsoft's <c>RedisCache</c>
/// ("redis-cache"), and through the README's <c>RedisTokenCache</c>, which adds if absent and fails fast ("add-if-absent").
/// </summary>
[Collection(TimingCollection.Name)]
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

    private const string RedisCacheMode = "redis-cache";
    private const string AddIfAbsentMode = "add-if-absent";
    private const string NoSharedCacheMode = "none";

    private string[] ProbeArguments(string cache, bool thenOnInput, string? redisConfiguration = null) =>
        [Probe, _server.Endpoint.ToString(), _app.ClientId, _app.ClientSecret, redisConfiguration ?? _redis.Configuration, cache,
            .. thenOnInput ? ["--then-on-input"] : Array.Empty<string>()];

    /// <summary>Runs one probe process to its end; the milliseconds its call took.</summary>
    private async Task<long> RunProbeAsync(string cache, string? redisConfiguration = null)
    {
        ProcessResult result = await ProcessRunner.RunAsync(
            ProcessRunner.DotnetHost, ProbeArguments(cache, thenOnInput: false, redisConfiguration), new Dictionary<string, string?>(), ProcessTimeout);
        Assert.True(result.ExitCode == 0, result.Transcript);
        return CallMilliseconds(result.Transcript.Split('\n').Single(line => line.StartsWith("called ", StringComparison.Ordinal)));
    }

    private static long CallMilliseconds(string line) => long.Parse(line["called ".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Whether the process's call line says the library logged the shared cache as unavailable.</summary>
    private static bool ReportedCacheUnavailable(string line) => line.EndsWith(" cache-unavailable", StringComparison.Ordinal);

    /// <summary>Starts <paramref name="count"/> probe processes at once.</summary>
    private List<Process> StartProbes(int count, string cache, bool thenOnInput)
    {
        var processes = new List<Process>();
        for (int i = 0; i < count; i++)
        {
            var start = new ProcessStartInfo(ProcessRunner.DotnetHost)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in ProbeArguments(cache, thenOnInput))
            {
                start.ArgumentList.Add(argument);
            }

            processes.Add(Process.Start(start)!);
        }

        return processes;
    }

    /// <summary>Waits until every process has made a call; the milliseconds each took, and whether it logged the shared cache unavailable.</summary>
    private static async Task<(long Milliseconds, bool CacheUnavailable)[]> WaitForCallsAsync(List<Process> processes, CancellationToken cancellationToken)
    {
        var calls = new List<(long, bool)>();
        foreach (Process process in processes)
        {
            string? line = await process.StandardOutput.ReadLineAsync(cancellationToken);
            if (line is null || !line.StartsWith("called ", StringComparison.Ordinal))
            {
                process.Kill();
                Assert.Fail("A process did not make its call: " + line + " " + await process.StandardError.ReadToEndAsync(cancellationToken));
            }

            calls.Add((CallMilliseconds(line), ReportedCacheUnavailable(line)));
        }

        return [.. calls];
    }

    private static void Stop(List<Process> processes)
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

    private void Report(string what)
    {
        _output.WriteLine(what);
        Console.WriteLine("shared token cache: " + what);
    }

    [Fact]
    public async Task Separate_processes_started_one_after_another_fetch_one_token_in_total()
    {
        for (int process = 0; process < 8; process++)
        {
            await RunProbeAsync(RedisCacheMode);
        }

        Report("8 processes one after another: " + _app.TokenRequests + " token request(s)");
        Assert.Equal(1, _app.TokenRequests);
        Assert.Equal(8, _app.ApiTokens.Count);
        Assert.All(_app.ApiTokens, token => Assert.Equal("Bearer token-1", token));
    }

    [Theory]
    [InlineData(20)]
    [InlineData(50)]
    public async Task Processes_started_at_once_with_the_token_already_in_redis_make_at_most_one_token_request(int count)
    {
        await RunProbeAsync(RedisCacheMode);
        Assert.Equal(1, _app.TokenRequests);

        List<Process> processes = StartProbes(count, RedisCacheMode, thenOnInput: false);
        try
        {
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            var calls = await WaitForCallsAsync(processes, deadline.Token);

            // On two cores, 50 .NET processes starting at once take up to 20 s to make their call: a process whose first
            // cache operation gets no answer within its bound (10 s) fetches a token of its own, by design, and logs the
            // cache as unavailable. Every process that read the cache in time uses the token in it: at most one token
            // request besides those of the processes that logged the outage. (20 processes stay well within the bound.)
            int outages = calls.Count(c => c.CacheUnavailable);
            Report($"{count} processes at once, token in Redis: {_app.TokenRequests - 1} token request(s); slowest call {calls.Max(c => c.Milliseconds)} ms; {outages} process(es) logged the cache unavailable");
            Assert.InRange(_app.TokenRequests - 1, 0, 1 + outages);

            Assert.Equal(count + 1, _app.ApiTokens.Count);
        }
        finally
        {
            Stop(processes);
        }
    }

    [Fact]
    public async Task Twenty_processes_started_at_once_on_an_empty_cache_that_adds_if_absent_fetch_one_token_in_total()
    {
        List<Process> processes = StartProbes(20, AddIfAbsentMode, thenOnInput: false);
        try
        {
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            var calls = await WaitForCallsAsync(processes, deadline.Token);

            Report($"20 processes at once on an empty cache that adds if absent: {_app.TokenRequests} token request(s); slowest call {calls.Max(c => c.Milliseconds)} ms");
            Assert.Equal(1, _app.TokenRequests);
            Assert.Single(_app.ApiTokens.Distinct());
        }
        finally
        {
            Stop(processes);
        }
    }

    [Fact]
    public async Task With_redis_unreachable_a_cache_that_fails_fast_costs_a_process_no_wait_and_RedisCache_at_most_the_first_operations_bound()
    {
        // A port nothing listens on: every connection is refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        string refused = "127.0.0.1:" + port + ",connectTimeout=1000";

        var failFast = new List<long>();
        for (int process = 0; process < 3; process++)
        {
            failFast.Add(await RunProbeAsync(AddIfAbsentMode, refused));
        }

        long redisCache = await RunProbeAsync(RedisCacheMode, refused);
        long withoutSharedCache = await RunProbeAsync(NoSharedCacheMode);

        Report($"Redis refusing connections: a process's call took {string.Join(", ", failFast)} ms (add-if-absent, fails fast), {redisCache} ms (RedisCache); {withoutSharedCache} ms without a shared cache");
        Assert.Equal(5, _app.TokenRequests);
        Assert.All(failFast, ms => Assert.True(ms < withoutSharedCache + 1000, "A call with a cache that fails fast took " + ms + " ms, " + withoutSharedCache + " ms without a shared cache."));
        Assert.True(redisCache < 14000, "A call through RedisCache took " + redisCache + " ms, more than its first operation's bound (10 s) allows.");
    }

    [Fact]
    public async Task Twenty_processes_started_at_once_on_an_empty_cache_fetch_at_most_one_token_each_and_then_all_use_one_token()
    {
        const int Processes = 20;
        List<Process> processes = StartProbes(Processes, RedisCacheMode, thenOnInput: true);
        try
        {
            // Phase 1: every process makes its first call on the cold cache, all at once.
            using var deadline = new CancellationTokenSource(ProcessTimeout);
            await WaitForCallsAsync(processes, deadline.Token);
            int coldStartRequests = _app.TokenRequests;
            Report(Processes + " processes at once on an empty cache (RedisCache, no add-if-absent): " + coldStartRequests + " token request(s)");
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
            Stop(processes);
        }
    }
}
