namespace LogtoGenerated.LiveTests.Seeding;

/// <summary>A short random tag for the names a run makes, so that runs against one server do not collide.</summary>
internal static class RunTag
{
    public static string New() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
}
