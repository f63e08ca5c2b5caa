using System.Diagnostics;
using LogtoGenerated.LiveTests.Crawling;
using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;

namespace LogtoGenerated.LiveTests.Crawls;

/// <summary>Every POST, PUT, PATCH and DELETE operation of the client on the live server, over data seeded for it alone.</summary>
public sealed class WriteCrawlTests
{
    [LiveFact]
    public async Task Every_write_operation_a_bare_server_can_serve_succeeds_or_is_refused_for_a_documented_reason_with_no_client_fault()
    {
        var server = LiveServer.Required;
        var client = server.CreateClient();
        using var hookReceiver = new HookReceiver();
        var data = await LiveData.SeedAsync(client, RunTag.New());
        data = data with { Values = new Dictionary<string, string>(data.Values) { ["hook/url"] = hookReceiver.Url } };
        var clock = Stopwatch.StartNew();

        // Creations, replacements and changes first, then deletions, the deepest paths first (a user's role before the user).
        var writes = LiveOperation.All.Where(o => !o.IsGet).ToList();
        string[] firstToLast = ["Post", "Put", "Patch"];
        var ordered = writes.Where(o => o.Model.HttpMethod != "Delete").OrderBy(o => Array.IndexOf(firstToLast, o.Model.HttpMethod))
            .Concat(writes.Where(o => o.Model.HttpMethod == "Delete").OrderByDescending(o => o.Model.PathTemplate.Count(c => c == '/')).ThenBy(o => o.Model.PathTemplate, StringComparer.Ordinal));
        var outcomes = await new Crawler(client, data).RunAsync(ordered);
        CrawlReport.AssertNoFaults("write crawl", outcomes, clock.Elapsed, minimumOk: 100);
        Assert.True(hookReceiver.Received > 0, "The hook test sent nothing to the hook's URL.");
    }
}
