using System.Reflection;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.RequestBuilders.Users;
using LogtoGenerated.Search;
using LogtoGenerated.Tests.Http;
using LogtoGenerated.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace LogtoGenerated.Tests.Search;

/// <summary>A <see cref="LogtoSearch"/> sent through the generated client reaches the server exactly as Logto reads it.</summary>
public sealed class LogtoSearchClientTests : PipelineTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Server.RespondWith(FakeResponse.Json(200, "[]"));
    }

    [Fact]
    public async Task ListUsers_sends_the_search_after_the_paging_parameters()
    {
        LogtoSearch search = LogtoSearch.Where(UserSearchFields.PrimaryEmail).EndsWith("@example.com")
            .And(UserSearchFields.Name).Exact("Ada Lovelace")
            .CaseSensitive();

        IReadOnlyList<User> users = await Client.Users.GetAsync(c => { c.QueryParameters.Search = search; c.QueryParameters.PageSize = 50; });

        Assert.Empty(users);
        RecordedRequest request = Assert.Single(Server.Requests);
        Assert.Equal("/api/users", request.Path);
        Assert.Equal(
            "page_size=50&search.primaryEmail=%25%40example.com&search.name=Ada%20Lovelace&mode.name=exact&joint=and&isCaseSensitive=true",
            request.QueryString);
    }

    [Fact]
    public async Task Server_decodes_the_values_that_were_put_in_the_search()
    {
        // What Logto's URLSearchParams sees: "+" stays a plus, spaces and unicode survive.
        await Client.Users.GetAsync(c => c.QueryParameters.Search = LogtoSearch.Where(UserSearchFields.Name).Exact("Zoë+山田 a&b"));

        var query = QueryHelpers.ParseQuery(Assert.Single(Server.Requests).QueryString);
        Assert.Equal("Zoë+山田 a&b", query["search.name"].ToString());
        Assert.Equal("exact", query["mode.name"].ToString());
        Assert.Equal(2, query.Count);
    }

    [Fact]
    public async Task Nested_lists_take_a_search_too()
    {
        await Client.Roles["r1"].Users.GetAsync(c => c.QueryParameters.Search = LogtoSearch.Text("ada"));
        await Client.Resources["res1"].Scopes.GetAsync(c => c.QueryParameters.Search =
            LogtoSearch.Where(ScopeSearchFields.Name).StartsWith("read:"));

        Assert.Collection(
            Server.Requests,
            r => Assert.Equal("/api/roles/r1/users?search=%25ada%25", r.RawTarget),
            r => Assert.Equal("/api/resources/res1/scopes?search.name=read%3A%25", r.RawTarget));
    }

    [Fact]
    public async Task Several_exact_values_for_one_field_are_sent_as_a_repeated_parameter()
    {
        await Client.Users.GetAsync(c => c.QueryParameters.Search = LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u 2"));

        Assert.Equal("search.id=u1&search.id=u%202&mode.id=exact", Assert.Single(Server.Requests).QueryString);
    }

    [Fact]
    public async Task A_search_also_set_through_SearchParams_is_refused_before_any_request()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.Users.GetAsync(c =>
        {
            c.QueryParameters.SearchParams = new Dictionary<string, string> { ["search.name"] = "Ada" };
            c.QueryParameters.Search = LogtoSearch.Text("ada");
        }));

        Assert.Contains("'search.name'", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public void Every_generated_query_class_with_SearchParams_takes_a_LogtoSearch()
    {
        Type[] withSearchParams = typeof(LogtoManagementClient).Assembly.GetTypes()
            .Where(t => typeof(IQueryParameters).IsAssignableFrom(t) && t.GetProperty("SearchParams") is not null)
            .ToArray();

        Assert.Equal(9, withSearchParams.Length);
        Assert.All(withSearchParams, t => Assert.True(typeof(ISearchableQueryParameters).IsAssignableFrom(t), t.Name));
        Assert.All(withSearchParams, t => Assert.Equal(typeof(LogtoSearch), t.GetProperty("Search")!.PropertyType));
    }

    [Fact]
    public void Query_class_that_takes_a_LogtoSearch_writes_every_search_including_several_values_for_a_field()
    {
        // Shaped like a generated query class that implements ISearchableQueryParameters.
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        request.Configure<SearchableQuery>(c => { c.QueryParameters.Search = LogtoSearch.Where(UserSearchFields.Id).OneOf("u1", "u 2"); c.QueryParameters.Page = 3; });

        Assert.Equal("page=3&search.id=u1&search.id=u%202&mode.id=exact", request.Query.ToString());
    }

    [Fact]
    public void Query_class_that_takes_a_LogtoSearch_refuses_one_also_set_through_SearchParams()
    {
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var error = Assert.Throws<InvalidOperationException>(() => request.Configure<SearchableQuery>(c =>
        {
            c.QueryParameters.SearchParams = new Dictionary<string, string> { ["search.name"] = "Ada" };
            c.QueryParameters.Search = LogtoSearch.Text("ada");
        }));

        Assert.Contains("'search.name'", error.Message, StringComparison.Ordinal);
    }

    private sealed class SearchableQuery : ISearchableQueryParameters
    {
        public int? Page { get; set; }

        public IDictionary<string, string>? SearchParams { get; set; }

        public LogtoSearch? Search { get; set; }

        void IQueryParameters.WriteTo(QueryStringBuilder query)
        {
            query.Add("page", Page);
            query.AddExploded(SearchParams);
            Search?.WriteTo(query);
        }
    }
}
