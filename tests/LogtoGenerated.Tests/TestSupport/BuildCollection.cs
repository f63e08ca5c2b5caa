using LogtoGenerated.Tests.Packaging;
using LogtoGenerated.Tests.Samples;

namespace LogtoGenerated.Tests.TestSupport;

/// <summary>
/// Tests of what a build produces (the NativeAOT samples, the NuGet packages). The builds run once per test run, and
/// alone: they keep both cores busy for a minute or more, which would slow the timing-sensitive tests beside them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildCollection :
    ICollectionFixture<NativeConsoleSampleNet10>, ICollectionFixture<NativeConsoleSampleNet8>,
    ICollectionFixture<AuthenticationPackage>, ICollectionFixture<LibraryPackage>, ICollectionFixture<KiotaPackage>, ICollectionFixture<AspNetCorePackage>,
    ICollectionFixture<NativeProtectedApiSample>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Builds";
}
