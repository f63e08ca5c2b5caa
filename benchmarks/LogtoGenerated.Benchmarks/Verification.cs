using LogtoGenerated.Benchmarks.Baseline;
using LogtoGenerated.Benchmarks.Infrastructure;
using LogtoGenerated.Models;

namespace LogtoGenerated.Benchmarks;

/// <summary>
/// Runs each benchmarked call once on each side and prints the requests they sent (method, URI, headers, body), so
/// that the baseline can be seen to do the same work; checks the results agree and the token-contention counts.
/// </summary>
internal static class Verification
{
    public static async Task<int> RunAsync()
    {
        var failures = new List<string>();

        await Compare("GET /api/users/{userId}",
            async b => (await b.GetUserAsync(Payloads.UserId)).Name,
            async c => (await c.Users[Payloads.UserId].GetAsync()).Name, failures);
        await Compare("GET /api/users?page_size=100",
            async b => (await b.ListUsersAsync(Payloads.PageSize)).Count.ToString(),
            async c => (await c.Users.GetAsync(q => q.QueryParameters.PageSize = Payloads.PageSize)).Count.ToString(), failures);
        await Compare("every user (10,000)",
            async b => { int n = 0; await foreach (BaselineUser _ in b.GetAllUsersAsync()) { n++; } return n.ToString(); },
            async c => { int n = 0; await foreach (User _ in c.Users.GetAllAsync()) { n++; } return n.ToString(); }, failures);
        await Compare("POST /api/users",
            async b => (await b.CreateUserAsync(WriteUserBenchmarks.BaselineCreate)).Id,
            async c => (await c.Users.PostAsync(WriteUserBenchmarks.Create)).Id, failures);
        await Compare("PATCH /api/users/{userId}",
            async b => (await b.UpdateUserAsync(Payloads.UserId, WriteUserBenchmarks.BaselineUpdate)).Id,
            async c => (await c.Users[Payloads.UserId].PatchAsync(WriteUserBenchmarks.Update)).Id, failures);

        Console.WriteLine($"== {TokenContentionBenchmarks.Callers} concurrent first calls on a cold cache");
        var contention = new TokenContentionBenchmarks();
        foreach ((string side, Func<Task> run) in new (string, Func<Task>)[] { ("baseline", contention.FirstCalls_Baseline), ("LogtoGenerated", contention.FirstCalls_LogtoGenerated) })
        {
            contention.CreateClients();
            await run();
            try
            {
                contention.CheckRequests();
                Console.WriteLine($"{side}: 1 token request, {TokenContentionBenchmarks.Callers} API requests");
            }
            catch (InvalidOperationException e)
            {
                failures.Add(side + ": " + e.Message);
            }
        }

        Console.WriteLine();
        foreach (string failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "Both sides sent the requests above and agree on every result." : "");
        return failures.Count == 0 ? 0 : 1;
    }

    private static async Task Compare(
        string name, Func<BaselineLogtoClient, Task<string?>> baseline, Func<LogtoManagementClient, Task<string?>> client, List<string> failures)
    {
        var baselineHandler = new FakeLogtoHandler { Transcript = [] };
        var clientHandler = new FakeLogtoHandler { Transcript = [] };
        string? expected = await baseline(Clients.CreateBaseline(baselineHandler));
        string? actual = await client(Clients.CreateLogto(clientHandler));
        Console.WriteLine("== " + name);
        Print("baseline", baselineHandler.Transcript);
        Print("LogtoGenerated", clientHandler.Transcript);
        Console.WriteLine($"result: baseline {expected}, LogtoGenerated {actual}");
        Console.WriteLine();
        if (expected != actual)
        {
            failures.Add($"{name}: the baseline returned {expected}, the client {actual}");
        }
    }

    private static void Print(string side, List<string> transcript)
    {
        const int Shown = 3;
        foreach (string line in transcript.Take(Shown))
        {
            Console.WriteLine($"{side}: {line}");
        }

        if (transcript.Count > Shown)
        {
            Console.WriteLine($"{side}: ... {transcript.Count - Shown} more requests");
        }
    }
}
