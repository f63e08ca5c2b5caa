using System.Globalization;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Http;
using LogtoGenerated.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace LogtoGenerated.Tests.Paging;

/// <summary>
/// <c>GetAllAsync</c> requesting pages ahead once Logto has told the total, against the Kestrel fake: order, the bound on
/// concurrent requests (counted at the fake), cancellation, a failing page, and a capped total.
/// </summary>
public sealed class ReadAheadTests : PipelineTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private int _inFlight;
    private int _maxInFlight;

    private static string UserJson(string id) =>
        $$"""{"id":"{{id}}","username":"{{id}}","primaryEmail":null,"primaryPhone":null,"name":null,"avatar":null,"customData":{},"identities":{},"lastSignInAt":null,"createdAt":1795247190700,"updatedAt":1795247190700,"profile":{},"applicationId":null,"cimdClientId":null,"isSuspended":false,"hasPassword":true}""";

    private static int PageOf(RecordedRequest request) =>
        int.Parse(QueryHelpers.ParseQuery(request.QueryString)["page"].ToString(), CultureInfo.InvariantCulture);

    /// <summary>Page <paramref name="page"/> of <paramref name="total"/> users, <paramref name="pageSize"/> a page, with <c>Total-Number</c>.</summary>
    private static FakeResponse Page(int page, int pageSize, int total, bool capped = false)
    {
        int first = ((page - 1) * pageSize) + 1;
        int count = Math.Clamp(total - first + 1, 0, pageSize);
        FakeResponse response = FakeResponse.Json(200, "[" + string.Join(",", Enumerable.Range(first, count).Select(i => UserJson("u" + i))) + "]")
            .WithHeader("Total-Number", (capped ? Math.Min(total, pageSize) : total).ToString(CultureInfo.InvariantCulture));
        return capped ? response.WithHeader("Total-Number-Is-Capped", "true") : response;
    }

    private static List<string> Ids(int count) => Enumerable.Range(1, count).Select(i => "u" + i).ToList();

    private LogtoManagementClient ClientWithBound(int maxConcurrentPageRequests) =>
        new(new LogtoRequestAdapter(
            Http,
            new BearerTokenAuthenticationProvider(BearerToken),
            Server.Endpoint,
            new LogtoManagementOptions { Retry = LogtoRetryOptions.None, TimeProvider = Time, MaxConcurrentPageRequests = maxConcurrentPageRequests }));

    /// <summary>Serves <c>GET /api/users</c> through <paramref name="answer"/>, counting the requests being handled at once.</summary>
    private void ServeCounted(Func<RecordedRequest, CancellationToken, Task<FakeResponse>> answer) =>
        Server.On("GET", "/api/users", async (request, aborted) =>
        {
            int now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            try
            {
                return await answer(request, aborted);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        });

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>Waits (at most <see cref="Patience"/>) until <paramref name="condition"/> holds; false if it never did.</summary>
    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > Patience)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    private static async Task<FakeResponse> NeverAsync(CancellationToken aborted)
    {
        await Task.Delay(Patience * 3, aborted);
        return FakeResponse.Text(500, "the request was expected to be cancelled");
    }

    [Fact]
    public async Task GetAll_with_a_total_returns_every_item_once_in_Logtos_order_even_when_later_pages_answer_first()
    {
        const int PageSize = 3, Total = 29;
        ServeCounted(async (request, aborted) =>
        {
            int page = PageOf(request);
            await Task.Delay(TimeSpan.FromMilliseconds((11 - page) * 15), aborted); // later pages answer sooner
            return Page(page, PageSize, Total);
        });

        var ids = new List<string>();
        await foreach (User user in ClientWithBound(4).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize))
        {
            ids.Add(user.Id);
        }

        Assert.Equal(Ids(Total), ids);
        Assert.Equal(Enumerable.Range(1, 10), Server.Requests.Select(PageOf).Order());
        Assert.True(_maxInFlight > 1, "No page was requested ahead.");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task GetAll_never_has_more_page_requests_at_Logto_than_MaxConcurrentPageRequests(int bound)
    {
        const int PageSize = 2, Total = 24;
        var boundReached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ServeCounted(async (request, aborted) =>
        {
            if (Volatile.Read(ref _inFlight) >= bound)
            {
                boundReached.TrySetResult();
            }

            if (PageOf(request) > 1)
            {
                // Hold every page until the bound has been reached once (or long enough that a missing read-ahead fails below).
                await boundReached.Task.WaitAsync(TimeSpan.FromSeconds(2), aborted).ContinueWith(static _ => { }, TaskScheduler.Default);
            }

            return Page(PageOf(request), PageSize, Total);
        });

        var ids = new List<string>();
        await foreach (User user in ClientWithBound(bound).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize))
        {
            ids.Add(user.Id);
        }

        Assert.Equal(Ids(Total), ids);
        Assert.Equal(bound, _maxInFlight);
        Assert.Equal(12, Server.Requests.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetAll_with_a_capped_or_missing_total_requests_one_page_after_another(bool capped)
    {
        const int PageSize = 2, Total = 7;
        ServeCounted(async (request, aborted) =>
        {
            await Task.Delay(20, aborted);
            FakeResponse page = Page(PageOf(request), PageSize, Total, capped);
            return capped ? page : page with { Headers = page.Headers.Where(h => h.Key != "Total-Number").ToList() };
        });

        var ids = new List<string>();
        await foreach (User user in ClientWithBound(4).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize))
        {
            ids.Add(user.Id);
        }

        Assert.Equal(Ids(Total), ids);
        Assert.Equal([1, 2, 3, 4], Server.Requests.Select(PageOf));
        Assert.Equal(1, _maxInFlight);
    }

    [Fact]
    public async Task GetAll_with_MaxConcurrentPageRequests_of_1_requests_a_page_only_after_the_previous_one_is_enumerated()
    {
        const int PageSize = 2, Total = 6;
        ServeCounted((request, _) => Task.FromResult(Page(PageOf(request), PageSize, Total)));

        var requestsSeenAtEachItem = new List<int>();
        await foreach (User user in ClientWithBound(1).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize))
        {
            requestsSeenAtEachItem.Add(Server.Requests.Count);
        }

        Assert.Equal([1, 1, 2, 2, 3, 3], requestsSeenAtEachItem);
    }

    [Fact]
    public async Task Cancelling_GetAll_cancels_the_pages_requested_ahead_and_leaves_no_request_running()
    {
        const int PageSize = 2;
        ServeCounted((request, aborted) => PageOf(request) == 1 ? Task.FromResult(Page(1, PageSize, 40)) : NeverAsync(aborted));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (User user in ClientWithBound(4).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize, cancellation.Token))
            {
                seen.Add(user.Id);
                Assert.True(await EventuallyAsync(() => Volatile.Read(ref _inFlight) == 3), "Pages 2 to 4 were not requested ahead.");
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(["u1"], seen);
        Assert.True(await EventuallyAsync(() => Volatile.Read(ref _inFlight) == 0), "A page request was still running at Logto.");
        Assert.Equal([1, 2, 3, 4], Server.Requests.Select(PageOf).Order());
    }

    [Fact]
    public async Task Leaving_GetAll_early_cancels_the_pages_requested_ahead_and_leaves_no_request_running()
    {
        const int PageSize = 2;
        ServeCounted((request, aborted) => PageOf(request) == 1 ? Task.FromResult(Page(1, PageSize, 40)) : NeverAsync(aborted));

        await foreach (User user in ClientWithBound(3).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize))
        {
            Assert.True(await EventuallyAsync(() => Volatile.Read(ref _inFlight) == 2), "Pages 2 and 3 were not requested ahead.");
            break;
        }

        Assert.True(await EventuallyAsync(() => Volatile.Read(ref _inFlight) == 0), "A page request was still running at Logto.");
        Assert.Equal([1, 2, 3], Server.Requests.Select(PageOf).Order());
    }

    [Fact]
    public async Task A_failing_page_ends_GetAll_with_its_error_after_the_items_before_it_and_cancels_the_pages_requested_ahead()
    {
        const int PageSize = 2;
        ServeCounted((request, aborted) => PageOf(request) switch
        {
            1 => Task.FromResult(Page(1, PageSize, 40)),
            2 => Task.FromResult(FakeResponse.FromRecording("39-users-400-pagesize.txt")),
            _ => NeverAsync(aborted),
        });
        var seen = new List<string>();

        LogtoApiException error = await Assert.ThrowsAsync<LogtoApiException>(async () =>
        {
            await foreach (User user in ClientWithBound(4).Users.GetAllAsync(c => c.QueryParameters.PageSize = PageSize))
            {
                seen.Add(user.Id);
            }
        });

        Assert.Equal(["u1", "u2"], seen);
        Assert.Equal("guard.invalid_pagination", error.Code);
        Assert.True(await EventuallyAsync(() => Volatile.Read(ref _inFlight) == 0), "A page request was still running at Logto.");
        Assert.InRange(Server.Requests.Count, 2, 5);
    }

    [Fact]
    public void MaxConcurrentPageRequests_below_1_is_refused_when_the_adapter_is_created_naming_the_option()
    {
        using var http = new HttpClient();
        Assert.Equal(4, new LogtoManagementOptions().MaxConcurrentPageRequests);

        var e = Assert.Throws<ArgumentException>(() => new LogtoRequestAdapter(
            http, AnonymousAuthenticationProvider.Instance, new Uri("https://tenant.logto.app"), new LogtoManagementOptions { MaxConcurrentPageRequests = 0 }));

        Assert.Contains("LogtoManagementOptions.MaxConcurrentPageRequests 0 must be 1 or more", e.Message);
    }
}
