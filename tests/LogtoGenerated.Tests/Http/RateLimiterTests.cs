using System.Threading.RateLimiting;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary>The client-side <see cref="LogtoManagementOptions.RateLimiter"/>: one permit per attempt, and what a refusal looks like.</summary>
public sealed class RateLimiterTests : PipelineTestBase
{
    [Fact]
    public async Task With_one_permit_and_no_queue_a_second_concurrent_request_is_refused_and_never_sent()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.On("GET", "/api/users/first", async (_, cancellationToken) =>
        {
            received.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
            return RecordedUser();
        });
        Server.RespondWithRecording("03-create-user-1.txt");
        LogtoManagementClient client = CreateClient(rateLimiter: limiter);

        Task<User> first = client.Users["first"].GetAsync();
        await received.Task;
        var e = await Assert.ThrowsAsync<LogtoRateLimitRejectedException>(() => client.Users["second"].GetAsync());

        Assert.StartsWith("GET /api/users/{userId} was not sent: the client-side rate limiter had no permit", e.Message);
        Assert.Null(e.RetryAfter);
        Assert.Equal(["/api/users/first"], Server.Requests.Select(r => r.Path));

        gate.SetResult();
        await first;
        await client.Users["third"].GetAsync(); // the permit came back when the first response arrived
        Assert.Equal(["/api/users/first", "/api/users/third"], Server.Requests.Select(r => r.Path));
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task The_Logto_Cloud_limiter_lets_200_requests_through_at_once_and_refuses_the_201st_without_a_queue()
    {
        using RateLimiter limiter = LogtoRateLimiters.CreateLogtoCloudLimiter(queueLimit: 0);
        Server.RespondWith(FakeResponse.Empty(204));
        LogtoManagementClient client = CreateClient(rateLimiter: limiter);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.Users["u" + i].DeleteAsync()));
        var e = await Assert.ThrowsAsync<LogtoRateLimitRejectedException>(() => client.Users["u200"].DeleteAsync());

        Assert.Equal(200, Server.Requests.Count);
        Assert.Equal(200, limiter.GetStatistics()!.TotalSuccessfulLeases);
        Assert.Equal(1, limiter.GetStatistics()!.TotalFailedLeases);
        Assert.StartsWith("DELETE /api/users/{userId} was not sent", e.Message);
    }

    [Fact]
    public async Task The_Logto_Cloud_limiter_queues_the_201st_request_by_default_and_the_caller_can_cancel_it()
    {
        using RateLimiter limiter = LogtoRateLimiters.CreateLogtoCloudLimiter();
        Server.RespondWith(FakeResponse.Empty(204));
        LogtoManagementClient client = CreateClient(rateLimiter: limiter);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.Users["u" + i].DeleteAsync()));
        using var cancellation = new CancellationTokenSource();

        Task waiting = client.Users["u200"].DeleteAsync(cancellationToken: cancellation.Token);

        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        Assert.False(waiting.IsCompleted);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(200, Server.Requests.Count);
        Assert.Equal(0, limiter.GetStatistics()!.CurrentQueuedCount);
    }

    [Fact]
    public void The_Logto_Cloud_limiter_rejects_a_negative_queue_limit()
    {
        Assert.Equal("queueLimit", Assert.Throws<ArgumentOutOfRangeException>(() => LogtoRateLimiters.CreateLogtoCloudLimiter(-1)).ParamName);
    }

    [Fact]
    public async Task Every_attempt_takes_a_permit_retries_and_replays_included()
    {
        using var limiter = new CountingLimiter(new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 }));
        RespondInTurn(Status(503), Status(429), RecordedUser());
        LogtoManagementClient client = CreateClient(rateLimiter: limiter);

        Task<User> call = client.Users["u1"].GetAsync();
        await Time.RunUntilCompletedAsync(call);
        await call;
        Assert.Equal(3, limiter.Acquisitions);

        RespondInTurn(FakeResponse.FromRecording("24-api-expired-token.txt"), RecordedUser());
        await CreateClient(rateLimiter: limiter, authentication: new RefreshingAuthenticationProvider()).Users["u1"].GetAsync();
        Assert.Equal(5, limiter.Acquisitions);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task A_retry_the_limiter_refuses_ends_the_call_with_LogtoRateLimitRejectedException()
    {
        using var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = 2,
            QueueLimit = 0,
            Window = TimeSpan.FromHours(1),
            AutoReplenishment = false,
        });
        RespondInTurn(Status(503));

        Task<User> call = CreateClient(rateLimiter: limiter).Users["u1"].GetAsync();
        await Time.RunUntilCompletedAsync(call);

        var e = await Assert.ThrowsAsync<LogtoRateLimitRejectedException>(() => call);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(2, Time.Scheduled.Count);
        Assert.NotNull(e.RetryAfter);
    }

    [Fact]
    public async Task A_send_that_fails_gives_its_permit_back()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
        LogtoManagementClient client = CreateClient(LogtoRetryOptions.None, rateLimiter: limiter, endpoint: Endpoints.Closed());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Users["u1"].GetAsync());
        await Assert.ThrowsAsync<HttpRequestException>(() => client.Users["u1"].GetAsync());

        Assert.Equal(1, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    [Fact]
    public async Task The_request_timeout_also_bounds_the_wait_for_a_permit()
    {
        using var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 1 });
        var received = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        NeverAnswer("GET", "/api/users/first", received);
        LogtoManagementClient client = CreateClient(rateLimiter: limiter);
        using var cancelFirst = new CancellationTokenSource();
        Task<User> first = client.Users["first"].GetAsync(cancellationToken: cancelFirst.Token);
        await received.Task;

        Task<User> second = client.Users["second"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(2));
        await Time.NextScheduledAsync(second);
        Assert.Equal(1, limiter.GetStatistics()!.CurrentQueuedCount);
        Time.Advance(TimeSpan.FromSeconds(2));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => second);
        Assert.Contains("GET /api/users/{userId} (GetUser)", e.Message);
        Assert.Equal(["/api/users/first"], Server.Requests.Select(r => r.Path));
        cancelFirst.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
    }

    /// <summary>Counts how often the adapter asks for a permit.</summary>
    private sealed class CountingLimiter(RateLimiter inner) : RateLimiter
    {
        private int _acquisitions;

        public int Acquisitions => Volatile.Read(ref _acquisitions);

        public override TimeSpan? IdleDuration => inner.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => inner.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount)
        {
            Interlocked.Increment(ref _acquisitions);
            return inner.AttemptAcquire(permitCount);
        }

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _acquisitions);
            return inner.AcquireAsync(permitCount, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
