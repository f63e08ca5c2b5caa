using System.Text.Json.Serialization;
using LogtoGenerated.Http;
using LogtoGenerated.Paging;

namespace LogtoGenerated.Tests.TestSupport;

public sealed record TestUser(string Id, string? Username, string? PrimaryEmail, string? Name, long CreatedAt);

public sealed record TestApplication(string Id, string Name, string Type);

public sealed record CreateTestUser(string Username, string? PrimaryEmail = null, string? Name = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TestUser))]
[JsonSerializable(typeof(CreateTestUser))]
[JsonSerializable(typeof(List<TestApplication>))]
[JsonSerializable(typeof(IReadOnlyList<TestUser>))]
[JsonSerializable(typeof(int?))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

/// <summary>Shaped like a generated per-operation query class.</summary>
public sealed class ListUsersQueryParameters : IPagedQueryParameters
{
    public int? Page { get; set; }

    public int? PageSize { get; set; }

    public string? Search { get; set; }

    public void WriteTo(QueryStringBuilder query)
    {
        query.Add("page", Page);
        query.Add("page_size", PageSize);
        query.Add("search", Search);
    }
}
