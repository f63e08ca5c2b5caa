using BenchmarkDotNet.Attributes;
using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;
using LogtoGenerated.Models;

namespace LogtoGenerated.Benchmarks;

/// <summary><c>GET /api/users?page_size=100</c>: a page of 100 users, with a cached token.</summary>
[MemoryDiagnoser]
public class ListUsersBenchmarks
{
    private LogtoManagementClient _client = null!;
    private BaselineLogtoClient _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = Clients.CreateLogto(new FakeLogtoHandler());
        _baseline = Clients.CreateBaseline(new FakeLogtoHandler());
        ListUsers_Baseline().GetAwaiter().GetResult();
        ListUsers_LogtoGenerated().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public Task<List<BaselineUser>> ListUsers_Baseline() => _baseline.ListUsersAsync(Payloads.PageSize);

    [Benchmark]
    public Task<IReadOnlyList<User>> ListUsers_LogtoGenerated() =>
        _client.Users.GetAsync(static c => c.QueryParameters.PageSize = Payloads.PageSize);
}

/// <summary>Every one of 10,000 users, 100 a page: <c>GetAllAsync</c> against a hand-written page loop.</summary>
[MemoryDiagnoser]
public class StreamUsersBenchmarks
{
    private LogtoManagementClient _client = null!;
    private BaselineLogtoClient _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = Clients.CreateLogto(new FakeLogtoHandler { TotalUsers = 10_000 });
        _baseline = Clients.CreateBaseline(new FakeLogtoHandler { TotalUsers = 10_000 });
        Check(StreamUsers_Baseline().GetAwaiter().GetResult());
        Check(StreamUsers_LogtoGenerated().GetAwaiter().GetResult());
    }

    [Benchmark(Baseline = true)]
    public async Task<int> StreamUsers_Baseline()
    {
        int count = 0;
        await foreach (BaselineUser user in _baseline.GetAllUsersAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    [Benchmark]
    public async Task<int> StreamUsers_LogtoGenerated()
    {
        int count = 0;
        await foreach (User user in _client.Users.GetAllAsync().ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static void Check(int count)
    {
        if (count != 10_000)
        {
            throw new InvalidOperationException("Expected 10,000 users, got " + count + ".");
        }
    }
}
