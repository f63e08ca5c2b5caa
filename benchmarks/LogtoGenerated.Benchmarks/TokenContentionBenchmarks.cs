using BenchmarkDotNet.Attributes;
using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;

namespace LogtoGenerated.Benchmarks;

/// <summary>
/// 1,000 concurrent first calls (<c>GET /api/users/{userId}</c>) on a new client with a cold token cache: the token
/// endpoint holds its answer until all 1,000 calls have started, then every call completes. Measures the time until
/// all are done; each iteration checks that exactly one token request was made and 1,000 API requests.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class TokenContentionBenchmarks
{
    public const int Callers = 1_000;

    private FakeLogtoHandler _handler = null!;
    private TaskCompletionSource _gate = null!;
    private LogtoManagementClient _client = null!;
    private BaselineLogtoClient _baseline = null!;

    [IterationSetup]
    public void CreateClients()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler = new FakeLogtoHandler { TokenGate = _gate.Task };
        _client = Clients.CreateLogto(_handler);
        _baseline = Clients.CreateBaseline(_handler);
    }

    [IterationCleanup]
    public void CheckRequests()
    {
        if (_handler.TokenRequests != 1 || _handler.ApiRequests != Callers)
        {
            throw new InvalidOperationException(
                $"{Callers} concurrent first calls made {_handler.TokenRequests} token requests and {_handler.ApiRequests} API requests; expected 1 and {Callers}.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task FirstCalls_Baseline()
    {
        var calls = new Task[Callers];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = _baseline.GetUserAsync(Payloads.UserId);
        }

        _gate.SetResult();
        return Task.WhenAll(calls);
    }

    [Benchmark]
    public Task FirstCalls_LogtoGenerated()
    {
        var calls = new Task[Callers];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = _client.Users[Payloads.UserId].GetAsync();
        }

        _gate.SetResult();
        return Task.WhenAll(calls);
    }
}
