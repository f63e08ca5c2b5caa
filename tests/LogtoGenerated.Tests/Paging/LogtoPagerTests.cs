using System.Text.Json.Serialization.Metadata;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Paging;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Paging;

/// <summary>The runtime pager and pages on their own: where a page ends, and the adapter's page method.</summary>
public sealed class LogtoPagerTests
{
    private static readonly TestUser[] NoUsers = [];

    private static TestUser[] Users(int count) =>
        Enumerable.Range(1, count).Select(i => new TestUser("u" + i, null, null, null, 0)).ToArray();

    private static RequestInformation NewRequest() => new(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

    [Theory]
    [InlineData(2, 1, 2, null, false, 2)] // full page, no total: maybe more
    [InlineData(1, 1, 2, null, false, null)] // short page
    [InlineData(0, 1, 2, null, false, null)] // empty page
    [InlineData(2, 1, 2, 5L, false, 2)] // total not reached
    [InlineData(2, 2, 2, 4L, false, null)] // total reached exactly
    [InlineData(2, 3, 2, 4L, false, null)] // past the total
    [InlineData(2, 2, 2, 4L, true, 3)] // capped total: go on until an empty page
    [InlineData(0, 3, 2, 4L, true, null)] // capped, empty page
    public void NextPage_follows_a_full_page_until_a_short_or_empty_page_or_the_uncapped_total(
        int items, int page, int pageSize, long? total, bool capped, int? expected)
    {
        var result = new LogtoPage<TestUser>(Users(items), page, pageSize, total, capped);

        Assert.Equal(expected, result.NextPage);
    }

    [Fact]
    public void A_page_rejects_impossible_values()
    {
        Assert.Throws<ArgumentNullException>(() => new LogtoPage<TestUser>(null!, 1, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoPage<TestUser>(NoUsers, 0, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoPage<TestUser>(NoUsers, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LogtoPage<TestUser>(NoUsers, 1, 20, -1));
    }

    [Fact]
    public void A_page_describes_itself()
    {
        Assert.Equal("Page 2 (2 per page): 2 items of 10 or more", new LogtoPage<TestUser>(Users(2), 2, 2, 10, true).ToString());
        Assert.Equal("Page 1 (20 per page): 0 items", new LogtoPage<TestUser>(NoUsers, 1, 20).ToString());
    }

    [Fact]
    public async Task GetAllAsync_asks_the_adapters_SendPageAsync_for_each_page_so_a_mocked_adapter_can_serve_them()
    {
        var adapter = new InMemoryPagesAdapter(Users(5));

        var ids = new List<string>();
        await foreach (TestUser user in LogtoPager.GetAllAsync<TestUser, ListUsersQueryParameters>(
            adapter, NewRequest, c => c.QueryParameters.PageSize = 2, TestJsonContext.Default.IReadOnlyListTestUser))
        {
            ids.Add(user.Id);
        }

        Assert.Equal(["u1", "u2", "u3", "u4", "u5"], ids);
        Assert.Equal(["page=1&page_size=2", "page=2&page_size=2", "page=3&page_size=2"], adapter.Queries);
    }

    [Fact]
    public async Task GetAllAsync_starts_over_at_the_first_page_each_time_it_is_enumerated()
    {
        var adapter = new InMemoryPagesAdapter(Users(3));
        IAsyncEnumerable<TestUser> all = LogtoPager.GetAllAsync<TestUser, ListUsersQueryParameters>(
            adapter, NewRequest, c => { c.QueryParameters.Page = 2; c.QueryParameters.PageSize = 1; }, TestJsonContext.Default.IReadOnlyListTestUser);

        var first = new List<string>();
        await foreach (TestUser user in all)
        {
            first.Add(user.Id);
        }

        var second = new List<string>();
        await foreach (TestUser user in all)
        {
            second.Add(user.Id);
        }

        Assert.Equal(["u2", "u3"], first);
        Assert.Equal(first, second);
        Assert.Equal(["page=2&page_size=1", "page=3&page_size=1", "page=2&page_size=1", "page=3&page_size=1"], adapter.Queries);
    }

    [Fact]
    public async Task GetAllAsync_calls_configure_once_up_front_and_once_for_every_pages_request()
    {
        var adapter = new InMemoryPagesAdapter(Users(3));
        int calls = 0;
        IAsyncEnumerable<TestUser> all = LogtoPager.GetAllAsync<TestUser, ListUsersQueryParameters>(
            adapter, NewRequest, c => { calls++; c.QueryParameters.PageSize = 2; }, TestJsonContext.Default.IReadOnlyListTestUser);

        Assert.Equal(1, calls);
        await foreach (TestUser _ in all)
        {
        }

        Assert.Equal(3, calls);
    }

    [Theory]
    [InlineData(0, 20, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 101, "pageSize")]
    public async Task SendPageAsync_refuses_a_page_or_page_size_out_of_range_and_sends_nothing(int page, int pageSize, string parameter)
    {
        await using var server = await FakeLogtoServer.StartAsync();
        using var http = new HttpClient();
        var adapter = new LogtoRequestAdapter(http, new BearerTokenAuthenticationProvider("t"), server.Endpoint);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => adapter.SendPageAsync(NewRequest(), page, pageSize, TestJsonContext.Default.IReadOnlyListTestUser));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetPageAsync_hands_the_adapter_the_page_it_wrote_into_the_query()
    {
        var adapter = new InMemoryPagesAdapter(Users(7));

        LogtoPage<TestUser> page = await LogtoPager.GetPageAsync<TestUser, ListUsersQueryParameters>(
            adapter, NewRequest, c => { c.QueryParameters.Page = 3; c.QueryParameters.PageSize = 3; }, TestJsonContext.Default.IReadOnlyListTestUser);

        Assert.Equal(["page=3&page_size=3"], adapter.Queries);
        Assert.Equal([(3, 3)], adapter.Pages);
        Assert.Equal("u7", Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task SendPageAsync_reads_a_Total_Number_that_is_not_a_number_as_no_total()
    {
        await using var server = await FakeLogtoServer.StartAsync();
        server.RespondWith(FakeResponse.Json(200, """[{"id":"u1","createdAt":0}]""").WithHeader("Total-Number", "many"));
        using var http = new HttpClient();
        var adapter = new LogtoRequestAdapter(http, new BearerTokenAuthenticationProvider("t"), server.Endpoint);
        var request = NewRequest();
        request.Query.Add("page", 4);
        request.Query.Add("page_size", 1);

        LogtoPage<TestUser> page = await adapter.SendPageAsync(request, 4, 1, TestJsonContext.Default.IReadOnlyListTestUser);

        Assert.Equal("u1", Assert.Single(page.Items).Id);
        Assert.Equal(4, page.Page);
        Assert.Equal(1, page.PageSize);
        Assert.Null(page.TotalCount);
        Assert.Equal("application/json", Assert.Single(server.Requests).GetHeader("Accept"));
    }

    [Fact]
    public async Task SendPageAsync_reads_a_204_No_Content_as_a_page_without_items()
    {
        await using var server = await FakeLogtoServer.StartAsync();
        server.RespondWith(FakeResponse.Empty(204));
        using var http = new HttpClient();
        var adapter = new LogtoRequestAdapter(http, new BearerTokenAuthenticationProvider("t"), server.Endpoint);
        var request = NewRequest();
        request.Query.Add("page", 1);
        request.Query.Add("page_size", 20);

        LogtoPage<TestUser> page = await adapter.SendPageAsync(request, 1, 20, TestJsonContext.Default.IReadOnlyListTestUser);

        Assert.Empty(page.Items);
        Assert.Null(page.NextPage);
    }

    /// <summary>An adapter made for mocking that serves pages of a list from memory, as the pager asks for them.</summary>
    private sealed class InMemoryPagesAdapter(IReadOnlyList<TestUser> all) : LogtoRequestAdapter
    {
        public List<string> Queries { get; } = [];

        public List<(int Page, int PageSize)> Pages { get; } = [];

        public override Task<LogtoPage<T>> SendPageAsync<T>(
            RequestInformation request, int page, int pageSize, JsonTypeInfo<IReadOnlyList<T>> itemsTypeInfo, CancellationToken cancellationToken = default)
        {
            Queries.Add(request.Query.ToString());
            Pages.Add((page, pageSize));
            var items = all.Skip((page - 1) * pageSize).Take(pageSize).Cast<T>().ToList();
            return Task.FromResult(new LogtoPage<T>(items, page, pageSize, all.Count));
        }
    }
}
