namespace LogtoGenerated.Tests.TestSupport;

/// <summary>
/// Tests whose subject is time under a load they make themselves: whole processes started at once, bounds of about a
/// second. They run alone, after the parallel tests, so that the rest of the suite on two cores is not part of the load
/// they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Timing";
}
