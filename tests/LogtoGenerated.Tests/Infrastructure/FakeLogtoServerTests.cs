using System.Net;
using System.Text;

namespace LogtoGenerated.Tests.Infrastructure;

public sealed class FakeLogtoServerTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;
    private readonly HttpClient _httpClient = new();

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Listens_on_loopback_with_a_real_port()
    {
        Assert.Equal("127.0.0.1", _server.Endpoint.Host);
        Assert.NotEqual(0, _server.Endpoint.Port);
        Assert.Equal("/", _server.Endpoint.AbsolutePath);
    }

    [Fact]
    public async Task Replays_a_recording_with_status_reason_headers_and_exact_body()
    {
        WireRecording recording = WireRecording.Load("35-users-422-duplicate.txt");
        _server.RespondWithRecording("35-users-422-duplicate.txt");

        using HttpResponseMessage response = await _httpClient.PostAsync(new Uri(_server.Endpoint, "/api/users"), new StringContent("{}"));

        Assert.Equal(422, (int)response.StatusCode);
        Assert.Equal("Unprocessable Entity", response.ReasonPhrase);
        Assert.Equal("XjyeDvywr6FzzlZm", response.Headers.GetValues("Logto-Core-Request-Id").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(recording.Body, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(recording.Body.Length, response.Content.Headers.ContentLength);
        Assert.False(response.Headers.Contains("Keep-Alive"));
    }

    [Fact]
    public async Task DropConnection_records_the_request_and_closes_the_connection_without_an_answer()
    {
        _server.RespondWith(FakeResponse.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => _httpClient.GetAsync(new Uri(_server.Endpoint, "/api/users")));

        Assert.Equal("/api/users", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public async Task Records_method_raw_path_query_headers_and_body()
    {
        _server.RespondWith(FakeResponse.Empty());
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(_server.Endpoint, "/api/users/a%2Fb?x=1&y=a%20b"))
        {
            Content = new StringContent("{\"name\":\"é\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test", ["1", "2"]);

        using HttpResponseMessage response = await _httpClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        RecordedRequest recorded = Assert.Single(_server.Requests);
        Assert.Equal("PATCH", recorded.Method);
        Assert.Equal("/api/users/a%2Fb", recorded.Path);
        Assert.Equal("x=1&y=a%20b", recorded.QueryString);
        Assert.Equal("1, 2", recorded.GetHeader("x-test"));
        Assert.Equal("{\"name\":\"é\"}", recorded.BodyText);
        Assert.Equal("application/json; charset=utf-8", recorded.ContentType);
    }

    [Fact]
    public async Task Routes_answer_before_the_general_responder_and_default_is_logtos_404()
    {
        _server.On("POST", "/oidc/token", _ => FakeResponse.FromRecording("01-token-basic.txt"));

        using HttpResponseMessage token = await _httpClient.PostAsync(new Uri(_server.Endpoint, "/oidc/token"), new StringContent(""));
        using HttpResponseMessage other = await _httpClient.GetAsync(new Uri(_server.Endpoint, "/api/nothing"));

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal("no-store", token.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("Not Found", await other.Content.ReadAsStringAsync());
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_throwing_responder_becomes_a_500_that_says_so()
    {
        _server.Respond(_ => throw new InvalidOperationException("oops"));

        using HttpResponseMessage response = await _httpClient.GetAsync(new Uri(_server.Endpoint, "/api/x"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("oops", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Records_concurrent_requests_safely_and_ClearRequests_forgets_them()
    {
        _server.RespondWith(FakeResponse.Empty());

        await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using HttpResponseMessage r = await _httpClient.GetAsync(new Uri(_server.Endpoint, "/api/x/" + i));
        }));

        Assert.Equal(40, _server.Requests.Select(r => r.Path).Distinct().Count());
        _server.ClearRequests();
        Assert.Empty(_server.Requests);
    }
}
