namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>The list of what a bare server cannot do stays as short as the client's operations make it (no server needed).</summary>
public sealed class ServerLimitsTests
{
    [Fact]
    public void Every_rule_of_the_server_limits_names_at_least_one_operation_of_the_client()
    {
        var operations = LiveOperation.All.Select(o => o.Display).ToList();

        var unused = ServerLimits.RuleUse(operations).Where(r => !r.Used).Select(r => r.Rule).ToList();

        Assert.True(unused.Count == 0, "Rules in ServerLimits that name no operation of the client (remove them):\n" + string.Join("\n", unused));
    }
}
