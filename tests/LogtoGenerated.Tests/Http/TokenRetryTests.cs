using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary>
/// A call whose token request fails transiently (Logto unreachable, 429, 502, 503, 504) was never sent, so the adapter
/// asks again after its backoff, whatever the method; a refusal (wrong secret, say) surfaces at once.
/// </summary>
public sealed class TokenRetryTests : PipelineTestBase
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    [Fact]
    public async Task Get_whose_token_request_answers_503_gets_a_token_after_the_backoff_and_is_sent_once()
    {
        RespondToTokenRequestsInTurn(Status(503), TokenEndpoint.Success("token-1"));
        Server.RespondWith(RecordedUser());
        var attempts = new List<int>();

        Task<User> call = ClientWithTokens().Users["0v6t4aelt1uj"].GetAsync(c => c.OnResponse = r => attempts.Add(r.Attempts));
        FakeTimeProvider.ScheduledTimer backoff = await Time.NextScheduledAsync(call);

        Assert.Equal(1, TokenEndpoint.CountTokenRequests(Server));
        Assert.Empty(TokenEndpoint.ApiRequests(Server));
        Assert.InRange(backoff.DueTime, TimeSpan.FromMilliseconds(400) - Millisecond, TimeSpan.FromMilliseconds(600));
        Time.AdvanceTo(backoff.Due);
        User user = await call;

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Equal(2, TokenEndpoint.CountTokenRequests(Server));
        RecordedRequest sent = Assert.Single(TokenEndpoint.ApiRequests(Server));
        Assert.Equal("Bearer token-1", sent.Headers["Authorization"]);
        Assert.Equal([1], attempts);
    }

    [Fact]
    public async Task Post_whose_token_request_found_Logto_unreachable_is_retried_too_because_it_was_not_sent()
    {
        RespondToTokenRequestsInTurn(FakeResponse.DropConnection(), TokenEndpoint.Success("token-1"));
        Server.RespondWith(RecordedUser());

        Task<User> call = ClientWithTokens().Users.PostAsync(new CreateUserRequest { Username = "ada" });
        await Time.AdvanceToNextScheduledAsync(call);
        await call;

        Assert.Equal(2, TokenEndpoint.CountTokenRequests(Server));
        RecordedRequest post = Assert.Single(TokenEndpoint.ApiRequests(Server));
        Assert.Equal("""{"username":"ada"}""", post.BodyText);
    }

    [Fact]
    public async Task Token_request_refused_for_a_wrong_secret_is_not_retried()
    {
        RespondToTokenRequestsInTurn(FakeResponse.FromRecording("10-token-wrong-secret.txt"));

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => ClientWithTokens().Users["u1"].GetAsync());

        Assert.False(e.IsTransient);
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(Server));
        Assert.Empty(TokenEndpoint.ApiRequests(Server));
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task Transient_token_failures_surface_after_MaxRetries_and_nothing_is_sent()
    {
        RespondToTokenRequestsInTurn(Status(503));

        Task<User> call = ClientWithTokens(LogtoRetryOptions.Default with { MaxRetries = 2 }).Users["u1"].GetAsync();
        await Time.RunUntilCompletedAsync(call);
        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => call);

        Assert.True(e.IsTransient);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal(3, TokenEndpoint.CountTokenRequests(Server));
        Assert.Empty(TokenEndpoint.ApiRequests(Server));
    }

    [Fact]
    public async Task With_retries_off_a_transient_token_failure_surfaces_at_once()
    {
        RespondToTokenRequestsInTurn(Status(503), TokenEndpoint.Success("token-1"));

        LogtoTokenException e = await Assert.ThrowsAsync<LogtoTokenException>(() => ClientWithTokens(LogtoRetryOptions.None).Users["u1"].GetAsync());

        Assert.True(e.IsTransient);
        Assert.Equal(1, TokenEndpoint.CountTokenRequests(Server));
        Assert.Empty(Time.Scheduled);
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(401, false)]
    [InlineData(500, false)]
    [InlineData(200, false)]
    public void IsTransient_follows_the_status_of_the_token_endpoints_answer(int status, bool transient)
    {
        var e = new LogtoTokenException("m", new Uri("https://logto.test/oidc/token"), "id", "https://default.logto.app/api", statusCode: status);

        Assert.Equal(transient, e.IsTransient);
    }

    [Fact]
    public void IsTransient_without_an_answer_holds_for_connection_failures_and_timeouts_only()
    {
        var endpoint = new Uri("https://logto.test/oidc/token");
        const string Resource = "https://default.logto.app/api";

        Assert.True(new LogtoTokenException("m", endpoint, "id", Resource, innerException: new HttpRequestException("refused")).IsTransient);
        Assert.True(new LogtoTokenException("m", endpoint, "id", Resource, innerException: new TaskCanceledException("timeout")).IsTransient);
        Assert.False(new LogtoTokenException("m", endpoint, "id", Resource, innerException: new InvalidOperationException("other")).IsTransient);
        Assert.False(new LogtoTokenException("m", endpoint, "id", Resource).IsTransient);
    }

    private LogtoManagementClient ClientWithTokens(LogtoRetryOptions? retry = null) =>
        CreateClient(retry, authentication: new ClientCredentialsAuthenticationProvider(TokenEndpoint.Options(Server), Http));

    private void RespondToTokenRequestsInTurn(params FakeResponse[] responses) => Server.On("POST", TokenEndpoint.Path, FakeResponse.InTurn(responses));
}
