using System.Net.Http.Headers;
using LogtoGenerated.Http;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

public class RequestInformationTests
{
    private static RequestInformation GetUser(string path = "/api/users/u%201") =>
        new(HttpMethod.Get, "/api/users/{userId}", path, "GetUser");

    [Fact]
    public void Constructor_keeps_its_arguments()
    {
        RequestInformation request = GetUser();
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/api/users/{userId}", request.PathTemplate);
        Assert.Equal("/api/users/u%201", request.Path);
        Assert.Equal("GetUser", request.OperationId);
        Assert.Null(request.Content);
    }

    [Theory]
    [InlineData("https://tenant.logto.app", "https://tenant.logto.app/api/users/u%201")]
    [InlineData("https://tenant.logto.app/", "https://tenant.logto.app/api/users/u%201")]
    [InlineData("https://host:8443/logto", "https://host:8443/logto/api/users/u%201")]
    [InlineData("https://host/logto/", "https://host/logto/api/users/u%201")]
    [InlineData("http://127.0.0.1:3001", "http://127.0.0.1:3001/api/users/u%201")]
    public void BuildUri_appends_the_path_to_the_endpoint_and_its_base_path(string endpoint, string expected)
    {
        Uri uri = GetUser().BuildUri(new Uri(endpoint));
        Assert.Equal(expected, uri.AbsoluteUri);
    }

    [Fact]
    public void BuildUri_adds_the_query_when_there_is_one()
    {
        RequestInformation request = new(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");
        request.Query.Add("page", 2);
        request.Query.Add("search", "a b");
        Assert.Equal("https://host/logto/api/users?page=2&search=a%20b", request.BuildUri(new Uri("https://host/logto/")).AbsoluteUri);
    }

    [Fact]
    public void BuildUri_keeps_escaped_slashes_and_spaces_in_path_parameters()
    {
        Uri uri = GetUser("/api/users/a%2Fb%20c").BuildUri(new Uri("https://host"));
        Assert.Equal("/api/users/a%2Fb%20c", uri.AbsolutePath);
        Assert.Equal("https://host/api/users/a%2Fb%20c", uri.AbsoluteUri);
    }

    [Fact]
    public void BuildUri_rejects_a_relative_endpoint()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => GetUser().BuildUri(new Uri("/relative", UriKind.Relative)));
        Assert.Contains("absolute", e.Message);
    }

    [Fact]
    public void Configure_with_null_does_nothing()
    {
        RequestInformation request = GetUser();
        request.Configure(null);
        request.Configure<ListUsersQueryParameters>(null);
        Assert.Equal(0, request.Query.Count);
        Assert.Empty(request.Headers);
    }

    [Fact]
    public void Configure_copies_headers_set_by_the_lambda()
    {
        RequestInformation request = GetUser();
        request.Headers["X-Existing"] = "old";
        request.Configure(config =>
        {
            config.Headers["x-existing"] = "new";
            config.Headers["Accept-Language"] = "de";
        });
        Assert.Equal("new", request.Headers["X-Existing"]);
        Assert.Equal("de", request.Headers["accept-language"]);
        Assert.Equal(2, request.Headers.Count);
    }

    [Fact]
    public void Configure_with_query_parameters_writes_them_into_Query_and_copies_headers()
    {
        RequestInformation request = new(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");
        request.Configure<ListUsersQueryParameters>(config =>
        {
            config.QueryParameters.Page = 2;
            config.QueryParameters.PageSize = 50;
            config.QueryParameters.Search = "%ali%";
            config.Headers["X-Trace"] = "t1";
        });
        Assert.Equal("page=2&page_size=50&search=%25ali%25", request.Query.ToString());
        Assert.Equal("t1", request.Headers["x-trace"]);
    }

    [Fact]
    public void Configure_without_touching_query_parameters_adds_no_query()
    {
        RequestInformation request = new(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");
        request.Configure<ListUsersQueryParameters>(config => config.Headers["X-A"] = "1");
        Assert.Equal(0, request.Query.Count);
    }

    [Fact]
    public void RequestConfiguration_creates_query_parameters_once_and_headers_case_insensitive()
    {
        var config = new RequestConfiguration<ListUsersQueryParameters>();
        Assert.Same(config.QueryParameters, config.QueryParameters);
        config.Headers["A"] = "1";
        Assert.Equal("1", config.Headers["a"]);
    }

    [Fact]
    public async Task SetJsonContent_serializes_with_the_type_info_as_application_json()
    {
        RequestInformation request = new(HttpMethod.Post, "/api/users", "/api/users", "CreateUser");
        request.SetJsonContent(new CreateTestUser("alice", "alice@example.com"), TestJsonContext.Default.CreateTestUser);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", request.Content.Headers.ContentType.CharSet);
        Assert.Equal("{\"username\":\"alice\",\"primaryEmail\":\"alice@example.com\"}", await request.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SetJsonContent_serializes_at_once_so_the_body_has_a_length_and_can_be_sent_again()
    {
        RequestInformation request = new(HttpMethod.Post, "/api/users", "/api/users", "CreateUser");
        request.SetJsonContent(new CreateTestUser("alice"), TestJsonContext.Default.CreateTestUser);
        Assert.Equal("{\"username\":\"alice\"}".Length, request.Content!.Headers.ContentLength);
        Assert.True(request.IsContentReplayable);
    }

    [Fact]
    public async Task SetFormContent_sets_a_form_urlencoded_body()
    {
        RequestInformation request = new(HttpMethod.Post, "/oidc/token", "/oidc/token", "Token");
        var form = new QueryStringBuilder();
        form.Add("grant_type", "client_credentials");
        request.SetFormContent(form);
        Assert.Equal("application/x-www-form-urlencoded", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("grant_type=client_credentials", await request.Content.ReadAsStringAsync());
    }

    [Fact]
    public void SetMultipartContent_makes_file_text_and_formatted_parts_and_skips_nulls()
    {
        RequestInformation request = new(HttpMethod.Post, "/api/user-assets", "/api/user-assets", "CreateUserAsset");
        using var stream = new MemoryStream([1, 2, 3]);
        request.SetMultipartContent(new KeyValuePair<string, object?>[]
        {
            new("file", new FileUpload(stream, "avatar.png", "image/png")),
            new("note", "hello"),
            new("count", 3),
            new("flag", true),
            new("skipped", null),
        });

        var multipart = Assert.IsAssignableFrom<MultipartContent>(request.Content);
        Assert.Equal("multipart/form-data", multipart.Headers.ContentType!.MediaType);
        HttpContent[] parts = multipart.ToArray();
        Assert.Equal(4, parts.Length);
        Assert.Equal("image/png", parts[0].Headers.ContentType!.MediaType);
        Assert.Equal("form-data; name=\"file\"; filename=\"avatar.png\"", Disposition(parts[0]));
        Assert.Null(parts[1].Headers.ContentType);
        Assert.Equal("form-data; name=\"note\"", Disposition(parts[1]));
        Assert.Equal("form-data; name=\"count\"", Disposition(parts[2]));
        Assert.Equal("form-data; name=\"flag\"", Disposition(parts[3]));
    }

    [Fact]
    public async Task SetMultipartContent_writes_part_headers_as_browsers_do_quoted_utf8_without_filename_star()
    {
        RequestInformation request = new(HttpMethod.Post, "/api/user-assets", "/api/user-assets", "CreateUserAsset");
        using var stream = new MemoryStream([1, 2, 3]);
        request.SetMultipartContent([new("file", new FileUpload(stream, "r\u00e9sum\u00e9 \"final\".png", "image/png")), new("note", "hi")]);

        string body = System.Text.Encoding.UTF8.GetString(await request.Content!.ReadAsByteArrayAsync());

        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"r\u00e9sum\u00e9 %22final%22.png\"\r\nContent-Type: image/png\r\n\r\n", body, StringComparison.Ordinal);
        Assert.Contains("Content-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("filename*", body, StringComparison.Ordinal);
        Assert.DoesNotContain("=?utf-8?", body, StringComparison.OrdinalIgnoreCase);
    }

    private static string Disposition(HttpContent part) =>
        string.Join(", ", part.Headers.NonValidated["Content-Disposition"]);

    [Fact]
    public void Disposing_multipart_content_leaves_the_callers_stream_open()
    {
        RequestInformation request = new(HttpMethod.Post, "/api/user-assets", "/api/user-assets", "CreateUserAsset");
        using var stream = new MemoryStream([1, 2, 3]);
        request.SetMultipartContent([new("file", new FileUpload(stream, "a.bin"))]);
        request.Content!.Dispose();
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void Constructor_rejects_null_arguments()
    {
        Assert.Equal("method", Assert.Throws<ArgumentNullException>(() => new RequestInformation(null!, "/a", "/a", "A")).ParamName);
        Assert.Equal("pathTemplate", Assert.Throws<ArgumentNullException>(() => new RequestInformation(HttpMethod.Get, null!, "/a", "A")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => new RequestInformation(HttpMethod.Get, "/a", null!, "A")).ParamName);
        Assert.Equal("operationId", Assert.Throws<ArgumentNullException>(() => new RequestInformation(HttpMethod.Get, "/a", "/a", null!)).ParamName);
    }

    [Theory]
    [InlineData("api/users", "must start with '/'")]
    [InlineData("", "must start with '/'")]
    [InlineData("/api/users?page=1", "must not contain '?' or '#'")]
    [InlineData("/api/users#x", "must not contain '?' or '#'")]
    public void Constructor_rejects_malformed_paths_with_a_clear_message(string path, string expected)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new RequestInformation(HttpMethod.Get, "/api/users", path, "ListUsers"));
        Assert.Equal("path", e.ParamName);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void SetJsonContent_rejects_null_type_info()
    {
        Assert.Equal("typeInfo", Assert.Throws<ArgumentNullException>(() => GetUser().SetJsonContent("x", null!)).ParamName);
    }
}
