using System.Text.Json.Nodes;
using LogtoGenerated.LiveTests.Seeding;

namespace LogtoGenerated.LiveTests.Crawling;

/// <summary>
/// Realistic values for request bodies and required query parameters, laid over the minimal valid instance of the
/// corrected document's schema: what a user would send (names unique to the run, ids of the seeded data). The schema
/// alone gives a body of the right shape; these make it one the server accepts on this data.
/// </summary>
internal static class WriteBodies
{
    /// <summary>The values for the body of <paramref name="operation"/>, or null to send the minimal valid body.</summary>
    public static JsonNode? For(string operation, LiveData data)
    {
        var tag = data.Tag;
        string Id(string key) => data.Values[key];
        return operation switch
        {
            "POST /api/roles/{id}/users" => new JsonObject { ["userIds"] = new JsonArray(Id("users/{userId}")) },
            _ => null,
        };
    }

    /// <summary>The value of the required query parameter <paramref name="name"/> of <paramref name="operation"/>, or null for the schema's minimal value.</summary>
    public static JsonNode? Query(string operation, string name) => (operation, name) switch
    {
        _ => null,
    };
}
