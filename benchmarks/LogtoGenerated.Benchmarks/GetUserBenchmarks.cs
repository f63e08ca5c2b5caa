using BenchmarkDotNet.Attributes;
using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;
using LogtoGenerated.Models;

namespace LogtoGenerated.Benchmarks;

/// <summary><c>GET /api/users/{userId}</c>: one user, with a cached token.</summary>
[MemoryDiagnoser]
public class GetUserBenchmarks
{
    private LogtoManagementClient _client = null!;
    private BaselineLogtoClient _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = Clients.CreateLogto(new FakeLogtoHandler());
        _baseline = Clients.CreateBaseline(new FakeLogtoHandler());
        GetUser_Baseline().GetAwaiter().GetResult();
        GetUser_LogtoGenerated().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<BaselineUser> GetUser_Baseline() => _baseline.GetUserAsync(Payloads.UserId);

    [Benchmark]
    public Task<User> GetUser_LogtoGenerated() => _client.Users[Payloads.UserId].GetAsync();
}
