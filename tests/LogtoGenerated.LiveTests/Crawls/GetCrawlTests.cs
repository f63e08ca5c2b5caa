using System.Diagnostics;
using LogtoGenerated.LiveTests.Crawling;
using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;

namespace LogtoGenerated.LiveTests.Crawls;

/// <summary>Every GET operation of the client on the live server, over freshly seeded data.</summary>
public sealed class GetCrawlTests
{
    [LiveFact]
    public async Task Every_GET_operation_reachable_with_seeded_data_is_read_into_its_type_without_nulls_where_the_type_says_not_null()
    {
        var server = LiveServer.Required;
        var client = server.CreateClient();
        var data = await LiveData.SeedAsync(client, RunTag.New());
        var clock = Stopwatch.StartNew();
        var outcomes = await new Crawler(client, data).RunAsync(LiveOperation.All.Where(o => o.IsGet));
        CrawlReport.AssertNoFaults("GET crawl", outcomes, clock.Elapsed, minimumOk: 60);
    }
}
