using System.Text;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary>
/// The one replay after a <c>401</c>: when it happens (provider agrees, request carried credentials, body can be
/// sent again), what the second request carries, and that uploads are replayed byte for byte or not at all.
/// </summary>
public sealed class UnauthorizedReplayTests : PipelineTestBase
{
    private const string ExpiredToken = "24-api-expired-token.txt";

    [Fact]
    public async Task A_401_is_replayed_once_with_the_providers_fresh_credentials()
    {
        RespondInTurn(FakeResponse.FromRecording(ExpiredToken), RecordedUser());
        var provider = new RefreshingAuthenticationProvider();
        var attempts = new List<(int Status, int Attempts)>();

        User user = await CreateClient(authentication: provider).Users["u1"].GetAsync(c => c.OnResponse = r => attempts.Add((r.StatusCode, r.Attempts)));

        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], Server.Requests.Select(r => r.GetHeader("Authorization")));
        Assert.All(Server.Requests, r => Assert.Equal("/api/users/u1", r.RawTarget));
        Assert.Equal([("Bearer token-1", 401)], provider.Unauthorized);
        Assert.Equal(2, provider.AuthenticateCalls);
        Assert.Equal([(200, 2)], attempts);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task A_second_401_is_final_after_exactly_two_requests()
    {
        Server.RespondWithRecording(ExpiredToken);
        var provider = new RefreshingAuthenticationProvider();
        var attempts = new List<int>();

        var e = await Assert.ThrowsAsync<LogtoApiException>(() =>
            CreateClient(authentication: provider).Applications.GetAsync(c => c.OnResponse = r => attempts.Add(r.Attempts)));

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("auth.unauthorized", e.Code);
        Assert.Equal("Unauthorized. Please check credentials and its scope.", e.ErrorMessage);
        Assert.Equal("Yw-dL98xNdLg8tQL", e.RequestId);
        Assert.Equal("ERR_JWT_EXPIRED", e.ErrorData!.Value.GetProperty("code").GetString());
        Assert.Equal(["Bearer token-1", "Bearer token-2"], Server.Requests.Select(r => r.GetHeader("Authorization")));
        Assert.Single(provider.Unauthorized);
        Assert.Equal([2], attempts);
    }

    [Fact]
    public async Task A_provider_that_cannot_refresh_leaves_the_401_final_after_one_request()
    {
        Server.RespondWithRecording(ExpiredToken);
        var provider = new RefreshingAuthenticationProvider { CanRefresh = false };

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient(authentication: provider).Users["u1"].GetAsync());

        Assert.Equal(401, e.StatusCode);
        Assert.Single(Server.Requests);
        Assert.Equal([("Bearer token-1", 401)], provider.Unauthorized);
    }

    [Fact]
    public async Task The_default_HandleUnauthorizedAsync_does_not_replay()
    {
        Server.RespondWithRecording(ExpiredToken);

        var e = await Assert.ThrowsAsync<LogtoApiException>(() =>
            CreateClient(authentication: new BearerTokenAuthenticationProvider("expired")).Users["u1"].GetAsync());

        Assert.Equal(401, e.StatusCode);
        Assert.Equal("Bearer expired", Assert.Single(Server.Requests).GetHeader("Authorization"));
    }

    [Fact]
    public async Task A_request_without_an_Authorization_header_is_not_replayed_and_the_provider_is_not_asked()
    {
        Server.RespondWithRecording("20-api-no-auth.txt");
        var provider = new RefreshingAuthenticationProvider { UsesAuthorizationHeader = false };

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient(authentication: provider).Users["u1"].GetAsync());

        Assert.Equal(401, e.StatusCode);
        RecordedRequest request = Assert.Single(Server.Requests);
        Assert.Null(request.GetHeader("Authorization"));
        Assert.Equal("token-1", request.GetHeader("X-Api-Key"));
        Assert.Empty(provider.Unauthorized);
    }

    [Fact]
    public async Task A_401_to_a_POST_is_replayed_with_the_same_body()
    {
        RespondInTurn(FakeResponse.FromRecording(ExpiredToken), RecordedUser());
        var provider = new RefreshingAuthenticationProvider();

        await CreateClient(authentication: provider).Users.PostAsync(new CreateUserRequest { Username = "ada" });

        Assert.Equal(2, Server.Requests.Count);
        Assert.All(Server.Requests, r => Assert.Equal("""{"username":"ada"}""", r.BodyText));
        Assert.Equal("Bearer token-2", Server.Requests[1].GetHeader("Authorization"));
    }

    [Fact]
    public async Task The_replay_after_401_and_retries_combine_and_count_as_attempts()
    {
        RespondInTurn(FakeResponse.FromRecording(ExpiredToken), Status(503), RecordedUser());
        var provider = new RefreshingAuthenticationProvider();
        var attempts = new List<int>();

        Task<User> call = CreateClient(authentication: provider).Users["u1"].GetAsync(c => c.OnResponse = r => attempts.Add(r.Attempts));
        await Time.RunUntilCompletedAsync(call);
        await call;

        Assert.Equal(["Bearer token-1", "Bearer token-2", "Bearer token-2"], Server.Requests.Select(r => r.GetHeader("Authorization")));
        Assert.Equal([3], attempts);
        Assert.Single(Time.Scheduled);
    }

    [Fact]
    public async Task A_401_is_replayed_even_when_retries_are_off()
    {
        // LogtoRetryOptions.None turns off retries of failures; the replay after 401 is authentication, not a retry.
        RespondInTurn(FakeResponse.FromRecording(ExpiredToken), RecordedUser());
        var provider = new RefreshingAuthenticationProvider();

        await CreateClient(authentication: provider).Users["u1"].GetAsync(c => c.Retry = LogtoRetryOptions.None);

        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task A_provider_that_throws_while_handling_a_401_fails_the_call_and_the_connection_is_reused()
    {
        Server.RespondWithRecording(ExpiredToken);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1 };
        using var http = new HttpClient(handler);
        LogtoManagementClient client = CreateClient(authentication: new ThrowingOnUnauthorizedProvider(), http: http);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Users["u1"].GetAsync());
        Assert.Equal("token endpoint down", e.Message);

        // With one connection allowed, this completes only if the failed call gave its connection back.
        Server.RespondWithRecording("03-create-user-1.txt");
        Task<User> next = client.Users["u1"].GetAsync();
        Assert.Same(next, await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Equal(2, Server.Requests.Count);
    }

    [Fact]
    public async Task An_upload_from_a_non_seekable_stream_is_not_replayed_after_401_but_the_provider_drops_its_token()
    {
        RespondInTurn(FakeResponse.FromRecording(ExpiredToken), FakeResponse.Json(201, """{"url":"https://cdn.example.com/a.png"}"""));
        var provider = new RefreshingAuthenticationProvider();
        var stream = new NonSeekableStream(Encoding.UTF8.GetBytes("PNGDATA"));

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient(authentication: provider).UserAssets.PostAsync(
            new UploadFileRequest { File = new FileUpload(stream, "a.png", "image/png") }));

        Assert.Equal(401, e.StatusCode);
        Assert.Contains("PNGDATA", Assert.Single(Server.Requests).BodyText, StringComparison.Ordinal);
        Assert.Single(provider.Unauthorized);
    }

    [Fact]
    public async Task An_upload_from_a_non_seekable_stream_is_not_retried_even_when_the_request_opts_in()
    {
        RespondInTurn(Status(503), FakeResponse.Json(201, """{"url":"https://cdn.example.com/a.png"}"""));
        var stream = new NonSeekableStream(Encoding.UTF8.GetBytes("PNGDATA"));

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateClient().UserAssets.PostAsync(
            new UploadFileRequest { File = new FileUpload(stream, "a.png", "image/png") },
            c => c.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true }));

        Assert.Equal(503, e.StatusCode);
        Assert.Single(Server.Requests);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task A_non_seekable_upload_is_not_retried_after_a_connection_failure()
    {
        var provider = new RefreshingAuthenticationProvider();
        var stream = new NonSeekableStream(Encoding.UTF8.GetBytes("PNGDATA"));

        await Assert.ThrowsAsync<HttpRequestException>(() => CreateClient(authentication: provider, endpoint: Endpoints.Closed()).UserAssets.PostAsync(
            new UploadFileRequest { File = new FileUpload(stream, "a.png", "image/png") },
            c => c.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true }));

        Assert.Equal(1, provider.AuthenticateCalls);
        Assert.Empty(Time.Scheduled);
    }

    [Fact]
    public async Task A_seekable_upload_is_replayed_after_401_with_identical_bytes_from_where_the_stream_stood()
    {
        RespondInTurn(FakeResponse.FromRecording(ExpiredToken), FakeResponse.Json(201, """{"url":"https://cdn.example.com/a.png"}"""));
        var provider = new RefreshingAuthenticationProvider();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("SKIPPNGDATA"));
        stream.Position = 4;

        UserAsset asset = await CreateClient(authentication: provider).UserAssets.PostAsync(
            new UploadFileRequest { File = new FileUpload(stream, "a.png", "image/png") });

        Assert.Equal("https://cdn.example.com/a.png", asset.Url);
        AssertSameUploadTwice();
        Assert.True(stream.CanRead, "the caller's stream stays open");
    }

    [Fact]
    public async Task A_seekable_upload_is_retried_with_identical_bytes_when_the_request_opts_in()
    {
        RespondInTurn(Status(503), FakeResponse.Json(201, """{"url":"https://cdn.example.com/a.png"}"""));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("SKIPPNGDATA"));
        stream.Position = 4;

        Task<UserAsset> call = CreateClient().UserAssets.PostAsync(
            new UploadFileRequest { File = new FileUpload(stream, "a.png", "image/png") },
            c => c.Retry = LogtoRetryOptions.Default with { RetryNonIdempotentMethods = true });
        await Time.RunUntilCompletedAsync(call);
        await call;

        AssertSameUploadTwice();
    }

    private void AssertSameUploadTwice()
    {
        Assert.Equal(2, Server.Requests.Count);
        RecordedRequest first = Server.Requests[0], second = Server.Requests[1];

        // One multipart content is sent twice, so even the boundary is the same: the bodies are identical.
        Assert.StartsWith("multipart/form-data; boundary=", first.ContentType);
        Assert.Equal(first.ContentType, second.ContentType);
        Assert.Equal(first.Body, second.Body);
        Assert.Contains("\r\n\r\nPNGDATA\r\n", first.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("SKIP", first.BodyText, StringComparison.Ordinal);
    }

    private sealed class ThrowingOnUnauthorizedProvider : IAuthenticationProvider
    {
        public ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "stale");
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> HandleUnauthorizedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("token endpoint down");
    }
}
