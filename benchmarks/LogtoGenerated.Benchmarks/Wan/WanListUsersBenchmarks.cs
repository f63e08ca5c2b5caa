using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;
using LogtoGenerated.Models;

namespace LogtoGenerated.Benchmarks.Wan;

/// <summary>
/// Listing 10,000 users, 100 a page, over a simulated wide-area network (<see cref="WanRelay"/>: 40 ms round trip,
/// 20 Mbit/s each way) to a fake Logto on 127.0.0.1 that compresses when asked: the client with its defaults
/// (<c>Create</c> without an <see cref="HttpClient"/>: compressed responses, pages requested ahead) against the
/// hand-written baseline (its own <see cref="HttpClient"/>, one page after another, no compression).
/// </summary>
/// <remarks>
/// One invocation per iteration (a listing takes seconds), run in the benchmark process itself: the time is spent
/// waiting on the simulated network, and no separate build is needed. Bytes are counted by the relay in both directions
/// for every listing and printed when each side's benchmark ends, in the same run.
/// </remarks>
[Config(typeof(WanConfig))]
public class WanListUsersBenchmarks
{
    /// <summary>Users listed.</summary>
    public const int TotalUsers = 10_000;

    /// <summary>Each way: a round trip costs 40 ms.</summary>
    public static readonly TimeSpan OneWayDelay = TimeSpan.FromMilliseconds(20);

    /// <summary>20 Mbit/s each way.</summary>
    public const long BitsPerSecond = 20_000_000;

    private readonly List<(long Up, long Down)> _bytes = new();
    private WanFakeLogto _logto = null!;
    private WanRelay _relay = null!;
    private HttpClient _baselineHttp = null!;
    private BaselineLogtoClient _baseline = null!;
    private LogtoManagementClient _client = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    public async Task SetupAsync()
    {
        _logto = await WanFakeLogto.StartAsync(TotalUsers).ConfigureAwait(false);
        _relay = new WanRelay(_logto.EndPoint, OneWayDelay, BitsPerSecond);
        string endpoint = _relay.Endpoint.AbsoluteUri.TrimEnd('/');

        // What a careful hand-written client uses: a SocketsHttpHandler, left with its defaults (no decompression).
        _baselineHttp = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _baseline = new BaselineLogtoClient(_baselineHttp, endpoint, Payloads.ClientId, Payloads.ClientSecret, LogtoManagementOptions.SelfHostedManagementApiResource);
        _client = LogtoManagementClient.Create(new LogtoManagementOptions
        {
            Endpoint = _relay.Endpoint,
            ClientId = Payloads.ClientId,
            ClientSecret = Payloads.ClientSecret,
        });

        // Both fetch their token here, outside the measurement, and check that they list every user.
        Check(await ListUsers_Baseline().ConfigureAwait(false));
        Check(await ListUsers_LogtoGenerated().ConfigureAwait(false));
        _bytes.Clear();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> ListUsers_Baseline()
    {
        (long up, long down) = (_relay.BytesUp, _relay.BytesDown);
        int count = 0;
        await foreach (BaselineUser user in _baseline.GetAllUsersAsync().ConfigureAwait(false))
        {
            count++;
        }

        _bytes.Add((_relay.BytesUp - up, _relay.BytesDown - down));
        return count;
    }

    [Benchmark]
    public async Task<int> ListUsers_LogtoGenerated()
    {
        (long up, long down) = (_relay.BytesUp, _relay.BytesDown);
        int count = 0;
        await foreach (User user in _client.Users.GetAllAsync().ConfigureAwait(false))
        {
            count++;
        }

        _bytes.Add((_relay.BytesUp - up, _relay.BytesDown - down));
        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_bytes.Count > 0)
        {
            // Printed into the run's log, next to the times: bytes on the simulated network per listing of 10,000 users.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"// WAN bytes per listing: {_bytes.Average(b => b.Up + b.Down):N0} total ({_bytes.Average(b => b.Up):N0} up, {_bytes.Average(b => b.Down):N0} down) over {_bytes.Count} listings; {_relay.Connections} TCP connections; page body sizes: {string.Join(", ", _logto.PageSizes.Select(p => p.Key + " " + p.Value))}"));
        }

        _baselineHttp.Dispose();
        _relay.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _logto.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private sealed class WanConfig : ManualConfig
    {
        public WanConfig() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    private static void Check(int count)
    {
        if (count != TotalUsers)
        {
            throw new InvalidOperationException("Expected " + TotalUsers + " users, got " + count + ".");
        }
    }
}
