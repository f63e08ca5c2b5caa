using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary>
/// Retries of <see cref="LogtoRequestAdapter"/> through real HTTP: which statuses, methods and failures are sent
/// again, how long the adapter waits (on the fake clock), and what <see cref="RequestConfiguration.OnResponse"/> sees.
/// </summary>
public sealed class RequestPipelineTests : PipelineTestBase
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Get_answered_503_then_200_is_sent_twice_and_returns_the_result()
    {
        RespondInTurn(Status(503), RecordedUser());
        var attempts = new List<(int Status, int Attempts)>();

        Task<User> call = CreateClient().Users["0v6t4aelt1uj"].GetAsync(c => c.OnResponse = r => attempts.Add((r.StatusCode, r.Attempts)));
        FakeTimeProvider.ScheduledTimer backoff = await Time.NextScheduledAsync(call);

        Assert.Single(Server.Requests);
        Assert.InRange(backoff.DueTime, TimeSpan.FromMilliseconds(400) - Millisecond, TimeSpan.FromMilliseconds(600));
        Time.AdvanceTo(backoff.Due);
        User user = await call;

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Equal(2, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal("/api/users/0v6t4aelt1uj", r.RawTarget));
        Assert.Equal([(200, 2)], attempts);
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_waited_for_exactly_and_nothing_is_sent_before()
    {
        RespondInTurn(Status(429).WithHeader("Retry-After", "2"), RecordedUser());

        Task<User> call = CreateClient().Users["u1"].GetAsync();
        FakeTimeProvider.ScheduledTimer delay = await Time.NextScheduledAsync(call);

        Assert.Equal(TimeSpan.FromSeconds(2), delay.DueTime);
        Time.Advance(TimeSpan.FromSeconds(2) - Millisecond);
        Assert.Single(Server.Requests);
        Assert.False(call.IsCompleted);
        Assert.Equal(1, Time.PendingTimerCount);

        Time.Advance(Millisecond);
        await call;

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), Time.Elapsed);
        Assert.Single(Time.Scheduled);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_measured_on_the_adapters_clock()
    {
        Time.Advance(TimeSpan.FromHours(5)); // the server's date must be read against the fake clock, not the machine's
        string date = (Time.GetUtcNow() + TimeSpan.FromSeconds(7)).ToString("R");
        RespondInTurn(Status(503).WithHeader("Retry-After", date), RecordedUser());

        Task<User> call = CreateClient().Users["u1"].GetAsync();
        FakeTimeProvider.ScheduledTimer delay = await Time.NextScheduledAsync(call);

        Assert.Equal(TimeSpan.FromSeconds(7), delay.DueTime);
        Time.Advance(TimeSpan.FromSeconds(7) - Millisecond);
        Assert.Single(Server.Requests);
        Time.Advance(Millisecond);
        await call;
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_in_the_past_retries_at_once()
    {
        string date = (Time.GetUtcNow() - TimeSpan.FromMinutes(1)).ToString("R");
        RespondInTurn(Status(503).WithHeader("Retry-After", date), RecordedUser());

        await CreateClient().Users["u1"].GetAsync();

        Assert.Equal(2, Server.Requests.Count);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task Retry_After_0_retries_at_once()
    {
        RespondInTurn(Status(429).WithHeader("Retry-After", "0"), RecordedUser());

        await CreateClient().Users["u1"].GetAsync();

        Assert.Equal(2, Server.Requests.Count);
        Assert.Empty(Time.Scheduled);
    }

    [Theory]
    [InlineData(429, "31")]
    [InlineData(503, "31")]
    [InlineData(429, "date+31")]
    [InlineData(429, "86400")]
    public async Task Retry_After_beyond_MaxDelay_surfaces_the_status_at_once(int status, string retryAfter)
    {
        if (retryAfter == "date+31")
        {
            retryAfter = (Time.GetUtcNow() + TimeSpan.FromSeconds(31)).ToString("R");
        }

        RespondInTurn(Status(status).WithHeader("Retry-After", retryAfter), RecordedUser());
        var statuses = new List<int>();

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().Users["u1"].GetAsync(c => c.OnResponse = r => statuses.Add(r.StatusCode)));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal("fake.status_" + status, e.Code);
        Assert.Equal(retryAfter, Assert.Single(e.ResponseHeaders["Retry-After"]));
        Assert.Single(Server.Requests);
        Assert.Empty(Time.Scheduled);
        Assert.Equal([status], statuses);
    }

    [Fact]
    public async Task Retry_After_equal_to_MaxDelay_is_waited_for()
    {
        RespondInTurn(Status(429).WithHeader("Retry-After", "5"), RecordedUser());

        Task<User> call = CreateClient(LogtoRetryOptions.Default with { MaxDelay = TimeSpan.FromSeconds(5) }).Users["u1"].GetAsync();
        FakeTimeProvider.ScheduledTimer delay = await Time.AdvanceToNextScheduledAsync(call);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(5), delay.DueTime);
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task Backoff_doubles_from_InitialDelay_with_at_most_20_percent_jitter()
    {
        RespondInTurn(Status(503));

        Task<User> call = CreateClient(LogtoRetryOptions.Default with { MaxRetries = 6 }).Users["u1"].GetAsync();
        for (int retry = 1; retry <= 6; retry++)
        {
            FakeTimeProvider.ScheduledTimer backoff = await Time.NextScheduledAsync(call);
            TimeSpan nominal = TimeSpan.FromMilliseconds(500 * Math.Pow(2, retry - 1));
            Assert.InRange(backoff.DueTime, (nominal * 0.8) - Millisecond, nominal * 1.2);
            Assert.Equal(retry, Server.Requests.Count);
            Time.AdvanceTo(backoff.Due);
        }

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => call);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal(7, Server.Requests.Count);
        Assert.Equal(6, Time.Scheduled.Count);
    }

    [Fact]
    public async Task Backoff_never_exceeds_MaxDelay()
    {
        RespondInTurn(Status(502));
        var options = new LogtoRetryOptions { MaxRetries = 4, InitialDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(15) };

        Task<User> call = CreateClient(options).Users["u1"].GetAsync();
        IReadOnlyList<FakeTimeProvider.ScheduledTimer> delays = await Time.RunUntilCompletedAsync(call);

        await Assert.ThrowsAsync<LogtoApiException>(() => call);
        Assert.Equal(4, delays.Count);
        Assert.InRange(delays[0].DueTime, TimeSpan.FromSeconds(8) - Millisecond, TimeSpan.FromSeconds(12));
        Assert.All(delays.Skip(1), d => Assert.Equal(TimeSpan.FromSeconds(15), d.DueTime));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public async Task MaxRetries_is_respected_and_the_last_status_surfaces(int maxRetries)
    {
        // Every retryable status in turn: the exception carries the last one.
        FakeResponse[] statuses = [Status(503), Status(502), Status(504), Status(429)];
        RespondInTurn(Enumerable.Range(0, maxRetries + 1).Select(i => statuses[i % statuses.Length]).ToArray());

        Task<User> call = CreateClient(LogtoRetryOptions.Default with { MaxRetries = maxRetries }).Users["u1"].GetAsync();
        await Time.RunUntilCompletedAsync(call);

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => call);
        Assert.Equal(maxRetries + 1, Server.Requests.Count);
        Assert.Equal(maxRetries, Time.Scheduled.Count);
        Assert.Equal(statuses[maxRetries % statuses.Length].StatusCode, e.StatusCode);
    }

    [Fact]
    public async Task The_adapters_retry_options_apply_and_a_requests_Retry_replaces_them()
    {
        RespondInTurn(Status(503));
        LogtoManagementClient client = CreateClient(LogtoRetryOptions.Default with { MaxRetries = 1 });

        Task<User> call = client.Users["u1"].GetAsync();
        await Time.RunUntilCompletedAsync(call);
        await Assert.ThrowsAsync<LogtoApiException>(() => call);
        Assert.Equal(2, Server.Requests.Count);

        Server.ClearRequests();
        call = client.Users["u1"].GetAsync(c => c.Retry = LogtoRetryOptions.Default with { MaxRetries = 2 });
        await Time.RunUntilCompletedAsync(call);
        await Assert.ThrowsAsync<LogtoApiException>(() => call);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(422)]
    public async Task Other_error_statuses_are_not_retried(int status)
    {
        RespondInTurn(Status(status).WithHeader("Retry-After", "1"), RecordedUser());

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().Users["u1"].GetAsync());

        Assert.Equal(status, e.StatusCode);
        Assert.Single(Server.Requests);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task Recorded_Logto_400_is_not_retried()
    {
        Server.RespondWithRecording("33-users-400-bad-email.txt");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().Users.PostAsync(
            new CreateUserRequest { PrimaryEmail = "not-an-email" },
            c => c.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true }));

        Assert.Equal(400, e.StatusCode);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task LogtoRetryOptions_None_for_a_request_sends_it_once()
    {
        RespondInTurn(Status(503), RecordedUser());

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().Users["u1"].GetAsync(c => c.Retry = LogtoRetryOptions.None));

        Assert.Equal(503, e.StatusCode);
        Assert.Single(Server.Requests);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task LogtoRetryOptions_None_for_the_adapter_sends_every_request_once()
    {
        RespondInTurn(Status(429), RecordedUser());

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient(LogtoRetryOptions.None).Users["u1"].DeleteAsync());

        Assert.Equal(429, e.StatusCode);
        Assert.Single(Server.Requests);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("HEAD", true)]
    [InlineData("OPTIONS", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    [InlineData("PATCH", false)]
    public async Task Only_idempotent_methods_are_retried_by_default(string method, bool retried)
    {
        RespondInTurn(Status(503), FakeResponse.Empty(204));
        var request = new RequestInformation(new HttpMethod(method), "/api/things", "/api/things", "Things");

        Task call = CreateAdapter().SendNoContentAsync(request);
        await Time.RunUntilCompletedAsync(call);

        if (retried)
        {
            await call;
            Assert.Equal(2, Server.Requests.Count);
            Assert.All(Server.Requests, r => Assert.Equal(method, r.Method));
        }
        else
        {
            var e = await Assert.ThrowsAsync<LogtoApiException>(() => call);
            Assert.Equal(503, e.StatusCode);
            Assert.Single(Server.Requests);
            Assert.Empty(Time.Scheduled);
        }
    }

    [Fact]
    public async Task Post_is_not_retried_by_default()
    {
        RespondInTurn(Status(503), RecordedUser());

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().Users.PostAsync(new CreateUserRequest { Username = "ada" }));

        Assert.Equal(503, e.StatusCode);
        Assert.Equal("POST", Assert.Single(Server.Requests).Method);
    }

    [Fact]
    public async Task Patch_is_not_retried_by_default()
    {
        RespondInTurn(Status(502), RecordedUser());

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().Users["u1"].PatchAsync(new UpdateUserRequest { Name = "Ada" }));

        Assert.Equal(502, e.StatusCode);
        Assert.Equal("PATCH", Assert.Single(Server.Requests).Method);
    }

    [Fact]
    public async Task Post_is_retried_with_the_same_body_when_the_request_opts_in()
    {
        RespondInTurn(Status(503), RecordedUser());

        Task<User> call = CreateClient().Users.PostAsync(
            new CreateUserRequest { Username = "ada", PrimaryEmail = "ada@example.com" },
            c => c.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true });
        await Time.RunUntilCompletedAsync(call);
        User user = await call;

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Equal(2, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal("""{"primaryEmail":"ada@example.com","username":"ada"}""", r.BodyText));
    }

    [Fact]
    public async Task Patch_is_retried_with_the_same_body_when_the_request_opts_in()
    {
        RespondInTurn(Status(504), Status(429), RecordedUser());

        Task<User> call = CreateClient().Users["u1"].PatchAsync(
            new UpdateUserRequest { Name = "Ada" },
            c => c.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true });
        await Time.RunUntilCompletedAsync(call);
        await call;

        Assert.Equal(3, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal("""{"name":"Ada"}""", r.BodyText));
    }

    [Fact]
    public async Task Put_with_a_json_body_is_retried_by_default_with_the_same_body()
    {
        RespondInTurn(Status(503), FakeResponse.Json(200, """{"roleIds":["r1"]}"""));

        Task<RoleReplacementResult> call = CreateClient().Users["u1"].Roles.PutAsync(new RoleIdsRequest { RoleIds = ["r1"] });
        await Time.RunUntilCompletedAsync(call);
        RoleReplacementResult roles = await call;

        Assert.Equal(["r1"], roles.RoleIds);
        Assert.Equal(2, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal("""{"roleIds":["r1"]}""", r.BodyText));
    }

    [Fact]
    public async Task Refused_connections_are_retried_for_GET_then_HttpRequestException_surfaces()
    {
        var provider = new RefreshingAuthenticationProvider();
        var responses = new List<LogtoResponse>();

        Task<User> call = CreateClient(LogtoRetryOptions.Default with { MaxRetries = 2 }, authentication: provider, endpoint: Endpoints.Closed())
            .Users["u1"].GetAsync(c => c.OnResponse = responses.Add);
        IReadOnlyList<FakeTimeProvider.ScheduledTimer> delays = await Time.RunUntilCompletedAsync(call);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => call);
        Assert.Equal(HttpRequestError.ConnectionError, e.HttpRequestError);
        Assert.Equal(3, provider.AuthenticateCalls);
        Assert.Equal(2, delays.Count);
        Assert.InRange(delays[0].DueTime, TimeSpan.FromMilliseconds(400) - Millisecond, TimeSpan.FromMilliseconds(600));
        Assert.InRange(delays[1].DueTime, TimeSpan.FromMilliseconds(800) - Millisecond, TimeSpan.FromMilliseconds(1200));
        Assert.Empty(responses);
    }

    [Fact]
    public async Task Refused_connections_are_not_retried_for_POST()
    {
        var provider = new RefreshingAuthenticationProvider();

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            CreateClient(authentication: provider, endpoint: Endpoints.Closed()).Users.PostAsync(new CreateUserRequest { Username = "ada" }));

        Assert.Equal(1, provider.AuthenticateCalls);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task A_dropped_connection_is_retried_and_the_next_attempt_succeeds()
    {
        RespondInTurn(FakeResponse.DropConnection(), FakeResponse.DropConnection(), RecordedUser());
        var attempts = new List<int>();

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.OnResponse = r => attempts.Add(r.Attempts));
        await Time.RunUntilCompletedAsync(call);
        User user = await call;

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal(2, Time.Scheduled.Count);
        Assert.Equal([3], attempts);
    }

    [Fact]
    public async Task A_dropped_connection_surfaces_as_HttpRequestException_when_retries_are_off()
    {
        RespondInTurn(FakeResponse.DropConnection(), RecordedUser());

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateClient(LogtoRetryOptions.None).Users["u1"].GetAsync());

        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task An_attempt_that_exceeds_HttpClient_Timeout_is_retried()
    {
        // HttpClient.Timeout runs on the real clock; the first attempt never gets an answer, so it surely expires.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        int count = 0;
        Server.Respond(async (_, cancellationToken) =>
        {
            if (Interlocked.Increment(ref count) == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return RecordedUser();
        });

        Task<User> call = CreateClient(http: http).Users["u1"].GetAsync();
        await Time.RunUntilCompletedAsync(call);
        await call;

        Assert.Equal(2, Server.Requests.Count);
        Assert.Single(Time.Scheduled);
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_delay_stops_at_once_without_another_request()
    {
        RespondInTurn(Status(503), RecordedUser());
        using var cancellation = new CancellationTokenSource();

        Task<User> call = CreateClient().Users["u1"].GetAsync(cancellationToken: cancellation.Token);
        await Time.NextScheduledAsync(call);
        cancellation.Cancel();

        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancellation.Token, e.CancellationToken);
        Assert.Equal(0, Time.PendingTimerCount);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task OnResponse_reports_status_headers_request_id_and_one_attempt()
    {
        Server.RespondWithRecording("03-create-user-1.txt");
        var seen = new List<(int Status, string? RequestId, string? ByName, string? ContentType, int Attempts)>();

        await CreateClient().Users["u1"].GetAsync(c => c.OnResponse = r => seen.Add(
            (r.StatusCode, r.RequestId, r.GetHeader("logto-core-request-id"), r.ContentHeaders.ContentType?.MediaType, r.Attempts)));

        Assert.Equal([(200, "j1nD7X9_6hS_uZek", "j1nD7X9_6hS_uZek", "application/json", 1)], seen);
    }

    [Fact]
    public async Task A_LogtoResponse_kept_after_the_call_still_answers()
    {
        Server.RespondWithRecording("03-create-user-1.txt");
        LogtoResponse? kept = null;

        await CreateClient().Users["u1"].GetAsync(c => c.OnResponse = r => kept = r);

        Assert.NotNull(kept);
        Assert.Equal(200, kept.StatusCode);
        Assert.Equal("j1nD7X9_6hS_uZek", kept.RequestId);
        Assert.Equal("application/json; charset=utf-8", kept.GetHeader("Content-Type"));
        Assert.Equal("200 OK (attempts: 1)", kept.ToString());
    }

    [Fact]
    public async Task OnResponse_is_called_once_before_a_LogtoApiException_with_the_same_request_id()
    {
        Server.RespondWithRecording("30-users-404.txt");
        var seen = new List<(int Status, string? RequestId, int Attempts)>();

        var e = await Assert.ThrowsAsync<LogtoApiException>(() =>
            CreateClient().Users["doesnotexist"].GetAsync(c => c.OnResponse = r => seen.Add((r.StatusCode, r.RequestId, r.Attempts))));

        Assert.Equal([(404, "gItYt8rU-IDdfhnK", 1)], seen);
        Assert.Equal("gItYt8rU-IDdfhnK", e.RequestId);
    }

    [Fact]
    public async Task OnResponse_sees_only_the_final_response_after_retries()
    {
        RespondInTurn(
            Status(503).WithHeader("X-Turn", "1"),
            Status(503).WithHeader("X-Turn", "2"),
            RecordedUser().WithHeader("X-Turn", "3"));
        var seen = new List<(int Status, string? Turn, string? RequestId, int Attempts)>();

        Task<User> call = CreateClient().Users["u1"].GetAsync(c => c.OnResponse = r => seen.Add((r.StatusCode, r.GetHeader("X-Turn"), r.RequestId, r.Attempts)));
        await Time.RunUntilCompletedAsync(call);
        await call;

        Assert.Equal([(200, "3", "j1nD7X9_6hS_uZek", 3)], seen);
    }

    [Fact]
    public async Task OnResponse_sees_the_last_error_when_retries_run_out()
    {
        RespondInTurn(Status(503));
        var seen = new List<(int Status, int Attempts)>();

        Task<User> call = CreateClient(LogtoRetryOptions.Default with { MaxRetries = 1 }).Users["u1"].GetAsync(c => c.OnResponse = r => seen.Add((r.StatusCode, r.Attempts)));
        await Time.RunUntilCompletedAsync(call);

        await Assert.ThrowsAsync<LogtoApiException>(() => call);
        Assert.Equal([(503, 2)], seen);
    }

    [Fact]
    public async Task OnResponse_is_called_for_no_content_and_text_operations()
    {
        var seen = new List<int>();
        Server.RespondWith(FakeResponse.Empty(204));
        await CreateClient().Users["u1"].DeleteAsync(c => c.OnResponse = r => seen.Add(r.StatusCode));

        Server.RespondWith(FakeResponse.Text(200, "<EntityDescriptor/>", "text/xml"));
        await CreateClient().SamlApplications["s1"].Metadata.GetAsync(c => c.OnResponse = r => seen.Add(r.StatusCode));

        Assert.Equal([204, 200], seen);
    }

    [Fact]
    public async Task OnResponse_that_throws_fails_the_call_with_its_exception_and_the_connection_is_reused()
    {
        Server.RespondWithRecording("03-create-user-1.txt");
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var http = new HttpClient(handler);
        LogtoManagementClient client = CreateClient(http: http);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.Users["u1"].GetAsync(c => c.OnResponse = _ => throw new InvalidOperationException("from the callback")));
        Assert.Equal("from the callback", e.Message);

        // With one connection allowed, this completes only if the failed call gave its connection back.
        Task<User> next = client.Users["u1"].GetAsync();
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20))));
        await next;
    }
}
