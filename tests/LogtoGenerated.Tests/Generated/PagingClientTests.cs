using System.Text;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Paging;
using LogtoGenerated.Tests.Http;
using LogtoGenerated.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace LogtoGenerated.Tests.Generated;

/// <summary>
/// The generated <c>GetPageAsync</c>, <c>GetAllAsync</c> and <c>GetStreamAsync</c> through the real client against the
/// Kestrel fake: the exact page requests sent, where paging stops, and what a page reports.
/// </summary>
public sealed class PagingClientTests : PipelineTestBase
{
    /// <summary>A user as Logto lists it (the shape of Fixtures/logto-wire/03-create-user-1.txt).</summary>
    private static string UserJson(string id) =>
        $$"""{"id":"{{id}}","username":"{{id}}","primaryEmail":null,"primaryPhone":null,"name":null,"avatar":null,"customData":{},"identities":{},"lastSignInAt":null,"createdAt":1795247190700,"updatedAt":1795247190700,"profile":{},"applicationId":null,"cimdClientId":null,"isSuspended":false,"hasPassword":true}""";

    /// <summary>A 200 whose body is the users <c>u{first}</c> to <c>u{first + count - 1}</c>.</summary>
    private static FakeResponse UserPage(int first, int count) =>
        FakeResponse.Json(200, "[" + string.Join(",", Enumerable.Range(first, count).Select(i => UserJson("u" + i))) + "]");

    private static List<string> Ids(int first, int count) => Enumerable.Range(first, count).Select(i => "u" + i).ToList();

    private static int PageOf(RecordedRequest request) => int.Parse(QueryHelpers.ParseQuery(request.QueryString)["page"].ToString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Answers <c>GET /api/users</c> with the response for the requested page; a page not listed is a 500, so asking for it fails the test.</summary>
    private void ServeUserPages(Dictionary<int, FakeResponse> pages) =>
        Server.On("GET", "/api/users", request => pages.TryGetValue(PageOf(request), out var page)
            ? page
            : FakeResponse.Text(500, "the test did not expect a request for page " + PageOf(request)));

    private List<string> QueryStrings() => Server.Requests.Select(r => r.QueryString).ToList();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (T item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task GetAll_AsksForPagesOf100FromPage1_AndStopsAfterAShortPage()
    {
        ServeUserPages(new() { [1] = UserPage(1, 100), [2] = UserPage(101, 100), [3] = UserPage(201, 5) });

        var users = await ToListAsync(Client.Users.GetAllAsync());

        Assert.Equal(Ids(1, 205), users.Select(u => u.Id));
        Assert.Equal(["page=1&page_size=100", "page=2&page_size=100", "page=3&page_size=100"], QueryStrings());
        Assert.All(Server.Requests, r => Assert.Equal("/api/users", r.Path));
    }

    [Fact]
    public async Task GetAll_StopsWhenTheTotalIsReached_WithoutAskingForAnotherPage()
    {
        ServeUserPages(new()
        {
            [1] = UserPage(1, 2).WithHeader("Total-Number", "4"),
            [2] = UserPage(3, 2).WithHeader("Total-Number", "4"),
        });

        var users = await ToListAsync(Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2));

        Assert.Equal(Ids(1, 4), users.Select(u => u.Id));
        Assert.Equal(["page=1&page_size=2", "page=2&page_size=2"], QueryStrings());
    }

    [Fact]
    public async Task GetAll_WhenTheTotalIsCapped_KeepsAskingPastItUntilAPageComesBackEmpty()
    {
        FakeResponse Capped(FakeResponse page) => page.WithHeader("Total-Number", "2").WithHeader("Total-Number-Is-Capped", "true");
        ServeUserPages(new()
        {
            [1] = Capped(UserPage(1, 2)),
            [2] = Capped(UserPage(3, 2)),
            [3] = Capped(UserPage(5, 2)),
            [4] = Capped(FakeResponse.Json(200, "[]")),
        });

        var users = await ToListAsync(Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2));

        Assert.Equal(Ids(1, 6), users.Select(u => u.Id));
        Assert.Equal(["page=1&page_size=2", "page=2&page_size=2", "page=3&page_size=2", "page=4&page_size=2"], QueryStrings());
    }

    [Fact]
    public async Task GetAll_WithoutATotal_StopsOnAnEmptyPage()
    {
        ServeUserPages(new() { [1] = UserPage(1, 2), [2] = FakeResponse.Json(200, "[]") });

        var users = await ToListAsync(Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2));

        Assert.Equal(Ids(1, 2), users.Select(u => u.Id));
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task GetAll_SendsTheCallersStartPagePageSizeSearchParamsAndHeadersWithEveryPage()
    {
        ServeUserPages(new() { [3] = UserPage(5, 2), [4] = UserPage(7, 1) });

        var users = await ToListAsync(Client.Users.GetAllAsync(c =>
        {
            c.QueryParameters.Page = 3;
            c.QueryParameters.PageSize = 2;
            c.QueryParameters.SearchParams = new Dictionary<string, string>
            {
                ["search.primaryEmail"] = "%@example.com",
                ["mode.primaryEmail"] = "like",
            };
            c.Headers["X-Trace"] = "abc";
        }));

        Assert.Equal(Ids(5, 3), users.Select(u => u.Id));
        Assert.Equal(
            [
                "page=3&page_size=2&search.primaryEmail=%25%40example.com&mode.primaryEmail=like",
                "page=4&page_size=2&search.primaryEmail=%25%40example.com&mode.primaryEmail=like",
            ],
            QueryStrings());
        Assert.All(Server.Requests, r => Assert.Equal("abc", r.GetHeader("X-Trace")));
        Assert.All(Server.Requests, r => Assert.Equal("Bearer " + BearerToken, r.GetHeader("Authorization")));
    }

    [Fact]
    public async Task GetAll_PagesARouteThatPagesOnlyOnRequest_KeepingItsFiltersInTheDocumentsOrder()
    {
        // GET /api/applications returns every application, without paging headers, unless page or page_size is sent.
        Server.RespondWith(FakeResponse.Json(200, "[]"));

        var applications = await ToListAsync(Client.Applications.GetAllAsync(c =>
        {
            c.QueryParameters.Types = [ApplicationType.MachineToMachine];
            c.QueryParameters.IsThirdParty = false;
        }));

        Assert.Empty(applications);
        var request = Assert.Single(Server.Requests);
        Assert.Equal("/api/applications?types=MachineToMachine&isThirdParty=false&page=1&page_size=100", request.RawTarget);
    }

    [Fact]
    public async Task GetAll_OfANestedList_SendsEveryPageToTheEscapedPath()
    {
        Server.RespondWith(FakeResponse.Json(200, "[]"));

        await ToListAsync(Client.Users["u 1"].Roles.GetAllAsync());

        Assert.Equal("/api/users/u%201/roles?page=1&page_size=100", Assert.Single(Server.Requests).RawTarget);
    }

    [Fact]
    public async Task GetAll_CancelledThroughItsTokenAfterTheFirstPage_SendsNoFurtherRequestAndThrows()
    {
        ServeUserPages(new() { [1] = UserPage(1, 2), [2] = UserPage(3, 2) });
        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (User user in Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2, cancellation.Token))
            {
                seen.Add(user.Id);
                if (seen.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(Ids(1, 2), seen);
        Assert.Equal(["page=1&page_size=2"], QueryStrings());
    }

    [Fact]
    public async Task GetAll_CancelledThroughWithCancellationAfterTheFirstPage_SendsNoFurtherRequestAndThrows()
    {
        ServeUserPages(new() { [1] = UserPage(1, 2), [2] = UserPage(3, 2) });
        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (User user in Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2).WithCancellation(cancellation.Token))
            {
                seen.Add(user.Id);
                if (seen.Count == 2)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(Ids(1, 2), seen);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task GetAll_CancelledWhileAPageIsInFlight_AbandonsThatRequestAndThrows()
    {
        using var cancellation = new CancellationTokenSource();
        Server.On("GET", "/api/users", async (request, aborted) =>
        {
            if (PageOf(request) == 1)
            {
                return UserPage(1, 2);
            }

            await cancellation.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            return UserPage(3, 2);
        });
        var seen = new List<string>();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (User user in Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2, cancellation.Token))
            {
                seen.Add(user.Id);
            }
        });

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "The enumeration waited for the page instead of being cancelled.");
        Assert.Equal(Ids(1, 2), seen);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task GetAll_AnErrorOnTheSecondPage_SurfacesAsLogtoApiException_AfterTheFirstPagesItems()
    {
        ServeUserPages(new() { [1] = UserPage(1, 2), [2] = FakeResponse.FromRecording("39-users-400-pagesize.txt") });
        var seen = new List<string>();

        var error = await Assert.ThrowsAsync<LogtoApiException>(async () =>
        {
            await foreach (User user in Client.Users.GetAllAsync(c => c.QueryParameters.PageSize = 2))
            {
                seen.Add(user.Id);
            }
        });

        Assert.Equal(Ids(1, 2), seen);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("guard.invalid_pagination", error.Code);
        Assert.Equal("ListUsers", error.OperationId);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task GetPage_ReturnsTheItemsWithTheirPageSizeAndTotal()
    {
        Server.RespondWith(UserPage(4, 3).WithHeader("Total-Number", "7"));

        LogtoPage<User> page = await Client.Users.GetPageAsync(c =>
        {
            c.QueryParameters.Page = 2;
            c.QueryParameters.PageSize = 3;
        });

        Assert.Equal(Ids(4, 3), page.Items.Select(u => u.Id));
        Assert.Equal(2, page.Page);
        Assert.Equal(3, page.PageSize);
        Assert.Equal(7, page.TotalCount);
        Assert.False(page.IsTotalCountCapped);
        Assert.Equal(3, page.NextPage);
        Assert.Equal("page=2&page_size=3", Assert.Single(Server.Requests).QueryString);
    }

    [Fact]
    public async Task GetPage_WithoutSettings_AsksForPage1Of20_AndHasNoTotalWhenTheHeaderIsMissing()
    {
        Server.RespondWith(UserPage(1, 20));

        LogtoPage<User> page = await Client.Users.GetPageAsync();

        Assert.Equal("page=1&page_size=20", Assert.Single(Server.Requests).QueryString);
        Assert.Equal(20, page.Items.Count);
        Assert.Equal(1, page.Page);
        Assert.Equal(20, page.PageSize);
        Assert.Null(page.TotalCount);
        Assert.False(page.IsTotalCountCapped);
        Assert.Equal(2, page.NextPage);
    }

    [Fact]
    public async Task GetPage_ReportsACappedTotal_AndANextPagePastIt()
    {
        Server.RespondWith(UserPage(1, 2).WithHeader("Total-Number", "2").WithHeader("Total-Number-Is-Capped", "true"));

        LogtoPage<User> page = await Client.Users.GetPageAsync(c => c.QueryParameters.PageSize = 2);

        Assert.Equal(2, page.TotalCount);
        Assert.True(page.IsTotalCountCapped);
        Assert.Equal(2, page.NextPage);
    }

    [Fact]
    public async Task GetPage_OfTheLastPage_HasNoNextPage()
    {
        Server.RespondWith(UserPage(5, 2).WithHeader("Total-Number", "6"));

        LogtoPage<User> page = await Client.Users.GetPageAsync(c => { c.QueryParameters.Page = 3; c.QueryParameters.PageSize = 2; });

        Assert.Null(page.NextPage);
    }

    [Theory]
    [InlineData(0, null, "QueryParameters.Page must be 1 or more")]
    [InlineData(-1, 10, "QueryParameters.Page must be 1 or more")]
    [InlineData(null, 0, "QueryParameters.PageSize must be between 1 and 100")]
    [InlineData(1, 101, "QueryParameters.PageSize must be between 1 and 100")]
    public async Task OutOfRangePageOrPageSize_IsRejectedWithAClearMessage_BeforeAnyRequest(int? pageNumber, int? pageSize, string message)
    {
        void Configure(RequestConfiguration<global::LogtoGenerated.RequestBuilders.Users.ListUsersQueryParameters> c)
        {
            c.QueryParameters.Page = pageNumber;
            c.QueryParameters.PageSize = pageSize;
        }

        var pageError = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.Users.GetPageAsync(Configure));
        var allError = Assert.Throws<ArgumentOutOfRangeException>(() => Client.Users.GetAllAsync(Configure));

        Assert.StartsWith(message, pageError.Message, StringComparison.Ordinal);
        Assert.StartsWith(message, allError.Message, StringComparison.Ordinal);
        Assert.Equal("configure", allError.ParamName);
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task GetStream_ReturnsTheTextBodyAsAStream_ThatReleasesTheResponseWhenDisposed()
    {
        const string xml = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>";
        Server.RespondWith(FakeResponse.Text(200, xml, "text/xml; charset=utf-8"));

        Stream stream = await Client.SamlApplications["app1"].Metadata.GetStreamAsync();
        string text;
        using (var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            text = await reader.ReadToEndAsync();
        }

        await stream.DisposeAsync();

        Assert.Equal(xml, text);
        Assert.Equal("/api/saml-applications/app1/metadata", Assert.Single(Server.Requests).Path);
        Assert.False(stream.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task GetStream_OfAnUnsuccessfulResponse_ThrowsLogtoApiException()
    {
        Server.RespondWith(FakeResponse.Json(404, """{"code":"entity.not_found","message":"Not found."}"""));

        var error = await Assert.ThrowsAsync<LogtoApiException>(() => Client.SamlApplications["app1"].Metadata.GetStreamAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("entity.not_found", error.Code);
        Assert.Equal("ListSamlApplicationMetadata", error.OperationId);
    }
}
