using BenchmarkDotNet.Attributes;
using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;
using LogtoGenerated.Models;

namespace LogtoGenerated.Benchmarks;

/// <summary>
/// <c>POST /api/users</c> with the body of 03-create-user-1, and <c>PATCH /api/users/{userId}</c> with a partial body
/// (name and two profile fields). Both sides send the same bytes; the fake Logto reads each body to the end.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WriteUserBenchmarks
{
    private LogtoManagementClient _client = null!;
    private BaselineLogtoClient _baseline = null!;

    // The bodies both sides send (also used by Verification).
    internal static readonly CreateUserRequest Create = new()
    {
        Username = "testuser1", PrimaryEmail = "testuser1@example.com", Name = "Test User 1", Password = "Sup3r-Secret-Pass-1!",
    };

    internal static readonly BaselineCreateUserRequest BaselineCreate = new()
    {
        Username = "testuser1", PrimaryEmail = "testuser1@example.com", Name = "Test User 1", Password = "Sup3r-Secret-Pass-1!",
    };

    internal static readonly UpdateUserRequest Update = new()
    {
        Name = "Barbara Liskov", Profile = new UserProfile { GivenName = "Barbara", FamilyName = "Liskov" },
    };

    internal static readonly BaselineUpdateUserRequest BaselineUpdate = new()
    {
        Name = "Barbara Liskov", Profile = new BaselineUserProfile { GivenName = "Barbara", FamilyName = "Liskov" },
    };

    [GlobalSetup]
    public void Setup()
    {
        _client = Clients.CreateLogto(new FakeLogtoHandler());
        _baseline = Clients.CreateBaseline(new FakeLogtoHandler());
        CreateUser_Baseline().GetAwaiter().GetResult();
        CreateUser_LogtoGenerated().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("POST")]
    public Task<BaselineUser> CreateUser_Baseline() => _baseline.CreateUserAsync(BaselineCreate);

    [Benchmark]
    [BenchmarkCategory("POST")]
    public Task<User> CreateUser_LogtoGenerated() => _client.Users.PostAsync(Create);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("PATCH")]
    public Task<BaselineUser> UpdateUser_Baseline() => _baseline.UpdateUserAsync(Payloads.UserId, BaselineUpdate);

    [Benchmark]
    [BenchmarkCategory("PATCH")]
    public Task<User> UpdateUser_LogtoGenerated() => _client.Users[Payloads.UserId].PatchAsync(Update);
}
