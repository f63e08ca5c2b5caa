using System.Net;
using System.Text;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace LogtoGenerated.Tests.Http;

public sealed class LogtoRequestAdapterTests : IAsyncLifetime
{
    private FakeLogtoServer _server = null!;
    private readonly HttpClient _httpClient = new();

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    private LogtoRequestAdapter CreateAdapter(IAuthenticationProvider? provider = null, Uri? endpoint = null) =>
        new(_httpClient, provider ?? new BearerTokenAuthenticationProvider("test-token"), endpoint ?? _server.Endpoint);

    [Fact]
    public async Task SendAsync_sends_method_path_query_and_json_body_exactly()
    {
        _server.RespondWithRecording("03-create-user-1.txt");
        var request = new RequestInformation(HttpMethod.Post, "/api/users/{userId}/x", "/api/users/u%201/x", "Op");
        request.Query.Add("page", 2);
        request.Query.Add("search", "a b");
        request.SetJsonContent(new CreateTestUser("alice", "alice@example.com"), TestJsonContext.Default.CreateTestUser);

        await CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser);

        RecordedRequest received = Assert.Single(_server.Requests);
        Assert.Equal("POST", received.Method);
        Assert.Equal("/api/users/u%201/x", received.Path);
        Assert.Equal("page=2&search=a%20b", received.QueryString);
        Assert.Equal("application/json; charset=utf-8", received.ContentType);
        Assert.Equal("{\"username\":\"alice\",\"primaryEmail\":\"alice@example.com\"}", received.BodyText);
    }

    [Fact]
    public async Task SendAsync_deserializes_the_json_response_with_the_type_info()
    {
        _server.RespondWithRecording("03-create-user-1.txt");
        var request = new RequestInformation(HttpMethod.Post, "/api/users", "/api/users", "CreateUser");

        TestUser user = await CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser);

        Assert.Equal(new TestUser("0v6t4aelt1uj", "testuser1", "testuser1@example.com", "Test User 1", 1795247190700), user);
    }

    [Fact]
    public async Task SendAsync_deserializes_a_json_array()
    {
        _server.RespondWithRecording("02-list-applications.txt");
        var request = new RequestInformation(HttpMethod.Get, "/api/applications", "/api/applications", "ListApplications");

        List<TestApplication> applications = await CreateAdapter().SendAsync(request, TestJsonContext.Default.ListTestApplication);

        TestApplication application = Assert.Single(applications);
        Assert.Equal(new TestApplication("my-m2m-app-id", "dotnet-mgmt-api-client", "MachineToMachine"), application);
    }

    [Fact]
    public async Task SendAsync_sends_Accept_application_json()
    {
        _server.RespondWithRecording("03-create-user-1.txt");
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser");

        await CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser);

        Assert.Equal("application/json", Assert.Single(_server.Requests).GetHeader("Accept"));
    }

    [Fact]
    public async Task Headers_of_the_request_are_sent_and_replace_the_default_Accept()
    {
        _server.RespondWithRecording("03-create-user-1.txt");
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser");
        request.Configure(config =>
        {
            config.Headers["Accept"] = "application/json, text/plain";
            config.Headers["X-Custom"] = "v1";
        });

        await CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser);

        RecordedRequest received = Assert.Single(_server.Requests);
        Assert.Equal("application/json, text/plain", received.GetHeader("Accept"));
        Assert.Equal("v1", received.GetHeader("X-Custom"));
    }

    [Fact]
    public async Task A_Content_Type_header_of_the_request_replaces_the_contents_type()
    {
        _server.RespondWith(FakeResponse.Empty());
        var request = new RequestInformation(HttpMethod.Patch, "/api/users/{userId}", "/api/users/u1", "UpdateUser");
        request.SetJsonContent(new CreateTestUser("a"), TestJsonContext.Default.CreateTestUser);
        request.Headers["Content-Type"] = "application/merge-patch+json";

        await CreateAdapter().SendNoContentAsync(request);

        Assert.Equal("application/merge-patch+json", Assert.Single(_server.Requests).ContentType);
    }

    [Fact]
    public async Task The_authentication_provider_is_called_with_the_outgoing_request()
    {
        _server.RespondWith(FakeResponse.Empty());
        var provider = new RecordingAuthenticationProvider();
        var request = new RequestInformation(HttpMethod.Delete, "/api/users/{userId}", "/api/users/u1", "DeleteUser");

        await CreateAdapter(provider).SendNoContentAsync(request);

        HttpRequestMessage seen = Assert.Single(provider.Requests);
        Assert.Equal(HttpMethod.Delete, seen.Method);
        Assert.Equal(new Uri(_server.Endpoint, "/api/users/u1"), seen.RequestUri);
        Assert.Equal("from-provider", Assert.Single(_server.Requests).GetHeader("X-Auth"));
    }

    [Fact]
    public async Task BearerTokenAuthenticationProvider_sends_the_Authorization_header()
    {
        _server.RespondWith(FakeResponse.Empty());
        var request = new RequestInformation(HttpMethod.Delete, "/api/users/{userId}", "/api/users/u1", "DeleteUser");

        await CreateAdapter(new BearerTokenAuthenticationProvider("abc.def.ghi")).SendNoContentAsync(request);

        Assert.Equal("Bearer abc.def.ghi", Assert.Single(_server.Requests).GetHeader("Authorization"));
    }

    [Fact]
    public async Task Endpoint_with_a_base_path_prefixes_every_request_path()
    {
        _server.RespondWith(FakeResponse.Empty());
        var request = new RequestInformation(HttpMethod.Get, "/api/status", "/api/status", "GetStatus");

        await CreateAdapter(endpoint: new Uri(_server.Endpoint, "/logto/")).SendNoContentAsync(request);

        Assert.Equal("/logto/api/status", Assert.Single(_server.Requests).Path);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(302)]
    public async Task SendNoContentAsync_treats_every_status_below_400_as_success(int status)
    {
        _server.RespondWith(status == 204
            ? FakeResponse.Empty()
            : FakeResponse.Json(status, "{\"ignored\":true}").WithHeader("Location", "https://elsewhere.example/"));
        using var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var adapter = new LogtoRequestAdapter(noRedirects, AnonymousAuthenticationProvider.Instance, _server.Endpoint);
        var request = new RequestInformation(HttpMethod.Post, "/api/x", "/api/x", "X");

        await adapter.SendNoContentAsync(request);

        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task SendNoContentAsync_sends_no_Accept_header_by_default()
    {
        _server.RespondWith(FakeResponse.Empty());
        await CreateAdapter().SendNoContentAsync(new RequestInformation(HttpMethod.Delete, "/api/x", "/api/x", "X"));
        Assert.Null(Assert.Single(_server.Requests).GetHeader("Accept"));
    }

    [Fact]
    public async Task SendNoContentAsync_throws_LogtoApiException_for_400_and_above()
    {
        _server.RespondWithRecording("30-users-404.txt");
        var request = new RequestInformation(HttpMethod.Delete, "/api/users/{userId}", "/api/users/doesnotexist", "DeleteUser");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendNoContentAsync(request));

        Assert.Equal(404, e.StatusCode);
        Assert.Equal("entity.not_found", e.Code);
        Assert.Equal("DELETE", e.Method);
    }

    [Fact]
    public async Task SendStringAsync_returns_a_text_xml_body_as_is()
    {
        const string Xml = "<?xml version=\"1.0\"?>\n<EntityDescriptor entityID=\"urn:x\">é</EntityDescriptor>";
        _server.RespondWith(FakeResponse.Text(200, Xml, "text/xml; charset=utf-8"));
        var request = new RequestInformation(HttpMethod.Get, "/api/saml-applications/{id}/metadata", "/api/saml-applications/s1/metadata", "GetSamlMetadata");
        request.Headers["Accept"] = "text/xml";

        string body = await CreateAdapter().SendStringAsync(request);

        Assert.Equal(Xml, body);
        Assert.Equal("text/xml", Assert.Single(_server.Requests).GetHeader("Accept"));
    }

    [Fact]
    public async Task SendStringAsync_throws_LogtoApiException_for_non_success()
    {
        _server.RespondWithRecording("31-apps-404.txt");
        var request = new RequestInformation(HttpMethod.Get, "/api/applications/{id}", "/api/applications/doesnotexist", "GetApplication");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendStringAsync(request));

        Assert.Equal("entity.not_exists_with_id", e.Code);
    }

    [Fact]
    public async Task SendAsync_throws_LogtoApiException_saying_so_when_the_body_is_json_null()
    {
        _server.RespondWith(FakeResponse.Json(200, "null"));
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser));

        Assert.Equal(200, e.StatusCode);
        Assert.StartsWith("GET /api/users/{userId} (GetUser) returned 200 OK, but the body is JSON null where TestUser was expected (request id fake-", e.Message);
        Assert.NotNull(e.RequestId);
    }

    [Fact]
    public async Task SendAsync_throws_LogtoApiException_saying_so_when_the_body_is_empty()
    {
        _server.RespondWith(FakeResponse.Json(200, ""));
        var request = new RequestInformation(HttpMethod.Get, "/api/applications", "/api/applications", "ListApplications");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendAsync(request, TestJsonContext.Default.ListTestApplication));

        Assert.Contains("returned 200 OK, but the body is empty where List<TestApplication> was expected", e.Message);
    }

    [Fact]
    public async Task SendAsync_throws_LogtoApiException_with_the_JsonException_inside_when_the_body_is_not_the_type()
    {
        _server.RespondWith(FakeResponse.Json(200, "{\"id\":42}"));
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser));

        Assert.IsType<System.Text.Json.JsonException>(e.InnerException);
        Assert.Contains("the body could not be read as TestUser", e.Message);
    }

    [Fact]
    public async Task SendAsync_returns_null_for_json_null_when_T_is_a_nullable_value_type()
    {
        _server.RespondWith(FakeResponse.Json(200, "null"));
        var request = new RequestInformation(HttpMethod.Get, "/api/count", "/api/count", "Count");

        int? result = await CreateAdapter().SendAsync(request, TestJsonContext.Default.NullableInt32);

        Assert.Null(result);
    }

    [Theory]
    [InlineData(201, "")]
    [InlineData(200, " \r\n")]
    [InlineData(200, "null")]
    public async Task SendOptionalAsync_returns_null_for_a_success_without_a_body_or_with_json_null(int status, string body)
    {
        _server.RespondWith(FakeResponse.Json(status, body));
        var request = new RequestInformation(HttpMethod.Post, "/api/roles/{id}/users", "/api/roles/r1/users", "CreateRoleUser");

        TestUser? result = await CreateAdapter().SendOptionalAsync(request, TestJsonContext.Default.TestUser);

        Assert.Null(result);
        Assert.Equal("application/json", Assert.Single(_server.Requests).GetHeader("Accept"));
    }

    [Fact]
    public async Task SendOptionalAsync_returns_null_for_204_No_Content()
    {
        _server.RespondWith(FakeResponse.Empty(204));
        var request = new RequestInformation(HttpMethod.Get, "/api/roles/{id}/applications", "/api/roles/r1/applications", "ListRoleApplications");

        IReadOnlyList<TestUser>? result = await CreateAdapter().SendOptionalAsync(request, TestJsonContext.Default.IReadOnlyListTestUser);

        Assert.Null(result);
    }

    [Fact]
    public async Task SendOptionalAsync_deserializes_a_body_when_there_is_one()
    {
        _server.RespondWithRecording("03-create-user-1.txt");
        var request = new RequestInformation(HttpMethod.Post, "/api/users", "/api/users", "CreateUser");

        TestUser? user = await CreateAdapter().SendOptionalAsync(request, TestJsonContext.Default.TestUser);

        Assert.Equal("0v6t4aelt1uj", user?.Id);
    }

    [Fact]
    public async Task SendOptionalAsync_throws_LogtoApiException_for_an_error_status_and_for_a_body_that_is_not_the_type()
    {
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser");
        _server.RespondWithRecording("30-users-404.txt");
        var notFound = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendOptionalAsync(request, TestJsonContext.Default.TestUser));

        _server.RespondWith(FakeResponse.Json(200, "{\"id\":42}"));
        var unreadable = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendOptionalAsync(
            new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser"), TestJsonContext.Default.TestUser));

        Assert.True(notFound.IsNotFound);
        Assert.IsType<System.Text.Json.JsonException>(unreadable.InnerException);
        Assert.Contains("the body could not be read as TestUser", unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_posts_multipart_form_data_with_file_and_text_parts()
    {
        _server.RespondWith(FakeResponse.Json(200, "7"));
        var request = new RequestInformation(HttpMethod.Post, "/api/user-assets", "/api/user-assets", "CreateUserAsset");
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("PNGDATA"));
        request.SetMultipartContent([new("file", new FileUpload(file, "avatar.png", "image/png")), new("note", "hi there")]);

        await CreateAdapter().SendAsync(request, TestJsonContext.Default.NullableInt32);

        RecordedRequest received = Assert.Single(_server.Requests);
        string boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(received.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(received.Body));

        MultipartSection filePart = (await reader.ReadNextSectionAsync())!;
        Assert.True(ContentDispositionHeaderValue.TryParse(filePart.ContentDisposition, out var fileDisposition));
        Assert.Equal("file", HeaderUtilities.RemoveQuotes(fileDisposition!.Name).Value);
        Assert.Equal("avatar.png", HeaderUtilities.RemoveQuotes(fileDisposition.FileName).Value);
        Assert.Equal("image/png", filePart.ContentType);
        Assert.Equal("PNGDATA", await new StreamReader(filePart.Body).ReadToEndAsync());

        MultipartSection textPart = (await reader.ReadNextSectionAsync())!;
        Assert.True(ContentDispositionHeaderValue.TryParse(textPart.ContentDisposition, out var textDisposition));
        Assert.Equal("note", HeaderUtilities.RemoveQuotes(textDisposition!.Name).Value);
        Assert.Null(textPart.ContentType);
        Assert.Equal("hi there", await new StreamReader(textPart.Body).ReadToEndAsync());
        Assert.Null(await reader.ReadNextSectionAsync());
    }

    [Fact]
    public async Task SendAsync_posts_form_urlencoded_body()
    {
        _server.RespondWith(FakeResponse.Empty());
        var request = new RequestInformation(HttpMethod.Post, "/oidc/token", "/oidc/token", "Token");
        var form = new QueryStringBuilder();
        form.Add("grant_type", "client_credentials");
        form.Add("scope", "all");
        request.SetFormContent(form);

        await CreateAdapter().SendNoContentAsync(request);

        RecordedRequest received = Assert.Single(_server.Requests);
        Assert.Equal("application/x-www-form-urlencoded", received.ContentType);
        Assert.Equal("grant_type=client_credentials&scope=all", received.BodyText);
    }

    [Fact]
    public async Task Concurrent_calls_on_one_adapter_all_complete()
    {
        _server.Respond(r => FakeResponse.Json(200, "{\"id\":\"" + r.Path[(r.Path.LastIndexOf('/') + 1)..] + "\",\"createdAt\":1}"));
        LogtoRequestAdapter adapter = CreateAdapter();

        TestUser[] users = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            adapter.SendAsync(new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u" + i, "GetUser"), TestJsonContext.Default.TestUser)));

        Assert.Equal(Enumerable.Range(0, 50).Select(i => "u" + i), users.Select(u => u.Id));
        Assert.Equal(50, _server.Requests.Count);
    }

    [Fact]
    public async Task Cancellation_before_sending_throws_OperationCanceledException()
    {
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser, cancelled.Token));
    }

    [Fact]
    public void Endpoint_returns_the_endpoint_given()
    {
        Assert.Equal(_server.Endpoint, CreateAdapter().Endpoint);
    }

    [Fact]
    public void Constructor_rejects_null_arguments()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new LogtoRequestAdapter(null!, AnonymousAuthenticationProvider.Instance, new Uri("https://a.logto.app"))).ParamName);
        Assert.Equal("authenticationProvider", Assert.Throws<ArgumentNullException>(() => new LogtoRequestAdapter(_httpClient, null!, new Uri("https://a.logto.app"))).ParamName);
        Assert.Equal("endpoint", Assert.Throws<ArgumentNullException>(() => new LogtoRequestAdapter(_httpClient, AnonymousAuthenticationProvider.Instance, null!)).ParamName);
    }

    [Theory]
    [InlineData("/relative", "must be an absolute http or https URI")]
    [InlineData("ftp://tenant.logto.app", "must be an absolute http or https URI")]
    [InlineData("https://tenant.logto.app/?x=1", "must not have a query or fragment")]
    [InlineData("https://tenant.logto.app/api", "without \"/api\"")]
    [InlineData("https://tenant.logto.app/api/", "without \"/api\"")]
    public void Constructor_rejects_a_bad_endpoint_and_says_what_to_pass(string endpoint, string expected)
    {
        var uri = new Uri(endpoint, UriKind.RelativeOrAbsolute);
        ArgumentException e = Assert.Throws<ArgumentException>(() => new LogtoRequestAdapter(_httpClient, AnonymousAuthenticationProvider.Instance, uri));
        Assert.Equal("endpoint", e.ParamName);
        Assert.Contains(expected, e.Message);
        Assert.Contains("https://your-tenant.logto.app", e.Message);
    }

    [Fact]
    public async Task Protected_constructor_allows_mocking_and_otherwise_throws_InvalidOperationException()
    {
        var mock = new MockAdapter();
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/u1", "GetUser");

        Assert.Equal("mock", await mock.SendStringAsync(request));
        Assert.Contains("protected constructor", Assert.Throws<InvalidOperationException>(() => mock.Endpoint).Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => mock.SendNoContentAsync(request));
    }

    private sealed class MockAdapter : LogtoRequestAdapter
    {
        public override Task<string> SendStringAsync(RequestInformation request, CancellationToken cancellationToken = default) =>
            Task.FromResult("mock");
    }

    private sealed class RecordingAuthenticationProvider : IAuthenticationProvider
    {
        public List<HttpRequestMessage> Requests { get; } = new();

        public async ValueTask AuthenticateRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Requests.Add(request);
            request.Headers.Add("X-Auth", "from-provider");
        }
    }
}
