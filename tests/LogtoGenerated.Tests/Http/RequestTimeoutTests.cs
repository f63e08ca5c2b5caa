using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary><see cref="RequestConfiguration.Timeout"/> on the adapter's (fake) clock, and how it differs from the caller's cancellation.</summary>
public sealed class RequestTimeoutTests : PipelineTestBase
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task A_silent_server_makes_the_call_throw_TimeoutException_naming_the_operation()
    {
        var received = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        NeverAnswer("GET", "/api/users/u1", received);

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(5));
        FakeTimeProvider.ScheduledTimer timeout = await Time.NextScheduledAsync(call);
        await received.Task;

        Assert.Equal(TimeSpan.FromSeconds(5), timeout.DueTime);
        Time.Advance(TimeSpan.FromSeconds(5) - Millisecond);
        Assert.False(call.IsCompleted);
        Time.Advance(Millisecond);

        var e = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.StartsWith("GET /api/users/{userId} (GetUser) did not complete within its timeout of 00:00:05.", e.Message);
        Assert.Contains("RequestConfiguration.Timeout", e.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task The_timeout_covers_retries_and_their_delays()
    {
        RespondInTurn(Status(503).WithHeader("Retry-After", "10"));

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(5));
        FakeTimeProvider.ScheduledTimer timeout = await Time.NextScheduledAsync(call);
        FakeTimeProvider.ScheduledTimer retryDelay = await Time.NextScheduledAsync(call);

        Assert.Equal(TimeSpan.FromSeconds(5), timeout.DueTime);
        Assert.Equal(TimeSpan.FromSeconds(10), retryDelay.DueTime);
        Time.Advance(TimeSpan.FromSeconds(5));

        var e = await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Contains("(GetUser)", e.Message);
        Assert.Single(Server.Requests);
        Assert.Equal(0, Time.PendingTimerCount);
    }

    [Fact]
    public async Task The_timeout_spans_all_attempts_rather_than_restarting_for_each()
    {
        var received = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        int count = 0;
        Server.Respond(async (request, cancellationToken) =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                return Status(503).WithHeader("Retry-After", "3");
            }

            received.TrySetResult(request);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        });

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(5));
        await Time.NextScheduledAsync(call); // the timeout
        await Time.AdvanceToNextScheduledAsync(call); // 3 s of the 5 pass before the retry
        await received.Task;
        Time.Advance(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAsync<TimeoutException>(() => call);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_call_that_completes_in_time_leaves_no_timer_behind()
    {
        Server.RespondWithRecording("03-create-user-1.txt");

        User user = await CreateClient().Users["u1"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(5));

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Single(Time.Scheduled);
        Assert.Equal(0, Time.PendingTimerCount);
    }

    [Fact]
    public async Task An_infinite_timeout_is_no_timeout()
    {
        Server.RespondWithRecording("03-create-user-1.txt");

        await CreateClient().Users["u1"].GetAsync(c => c.Timeout = Timeout.InfiniteTimeSpan);

        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task The_timeout_also_applies_to_no_content_and_text_operations()
    {
        var deleteReceived = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var metadataReceived = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        NeverAnswer("DELETE", "/api/users/u1", deleteReceived);
        NeverAnswer("GET", "/api/saml-applications/s1/metadata", metadataReceived);
        LogtoManagementClient client = CreateClient();

        Task delete = client.Users["u1"].DeleteAsync(c => c.Timeout = TimeSpan.FromSeconds(1));
        await Time.NextScheduledAsync(delete);
        await deleteReceived.Task;
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("DELETE /api/users/{userId} (DeleteUser)", (await Assert.ThrowsAsync<TimeoutException>(() => delete)).Message);

        Task<string> metadata = client.SamlApplications["s1"].Metadata.GetAsync(c => c.Timeout = TimeSpan.FromSeconds(1));
        await Time.NextScheduledAsync(metadata);
        await metadataReceived.Task;
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("GET /api/saml-applications/{id}/metadata", (await Assert.ThrowsAsync<TimeoutException>(() => metadata)).Message);
    }

    [Fact]
    public async Task The_callers_cancellation_surfaces_as_OperationCanceledException_even_with_a_timeout_set()
    {
        var received = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        NeverAnswer("GET", "/api/users/u1", received);
        using var cancellation = new CancellationTokenSource();

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(5), cancellation.Token);
        await received.Task;
        cancellation.Cancel();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, e.CancellationToken);
        Assert.Equal(0, Time.PendingTimerCount);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task The_callers_cancellation_during_a_retry_delay_with_a_timeout_set_is_not_a_timeout()
    {
        RespondInTurn(Status(503));
        using var cancellation = new CancellationTokenSource();

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.Timeout = TimeSpan.FromSeconds(5), cancellation.Token);
        await Time.NextScheduledAsync(call); // the timeout
        await Time.NextScheduledAsync(call); // the backoff
        cancellation.Cancel();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, e.CancellationToken);
        Assert.Single(Server.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1000)]
    public void Timeout_must_be_positive(int milliseconds)
    {
        var configuration = new RequestConfiguration();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Timeout = TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal("Timeout", e.ParamName);
        Assert.Null(configuration.Timeout);
    }

    [Fact]
    public void Timeout_longer_than_a_timer_can_wait_is_rejected_when_set()
    {
        var configuration = new RequestConfiguration();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => configuration.Timeout = TimeSpan.FromDays(100));

        Assert.Equal("Timeout", e.ParamName);
        configuration.Timeout = TimeSpan.FromDays(40);
        configuration.Timeout = null;
        Assert.Null(configuration.Timeout);
    }
}
