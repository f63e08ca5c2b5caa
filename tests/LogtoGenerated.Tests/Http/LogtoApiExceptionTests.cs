using System.Text.Json;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Tests.Infrastructure;
using LogtoGenerated.Tests.TestSupport;

namespace LogtoGenerated.Tests.Http;

/// <summary>Every Management API error recorded from a real Logto, replayed by the fake server, mapped to <see cref="LogtoApiException"/>.</summary>
public sealed class LogtoApiExceptionTests : IAsyncLifetime
{
    private const string Token = "super-secret-token-value";

    private FakeLogtoServer _server = null!;
    private readonly HttpClient _httpClient = new();

    public async Task InitializeAsync() => _server = await FakeLogtoServer.StartAsync();

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    public static TheoryData<string, int, string?, string> ManagementApiErrors => new()
    {
        { "20-api-no-auth.txt", 401, "auth.authorization_header_missing", "Authorization header is missing." },
        { "21-api-garbage-token.txt", 401, "auth.unauthorized", "Unauthorized. Please check credentials and its scope." },
        { "22-api-basic-scheme.txt", 401, "auth.authorization_token_type_not_supported", "Authorization type is not supported." },
        { "23-api-token-without-scope.txt", 403, "auth.forbidden", "Forbidden. Please check your user roles and permissions." },
        { "24-api-expired-token.txt", 401, "auth.unauthorized", "Unauthorized. Please check credentials and its scope." },
        { "25-api-bad-signature.txt", 401, "auth.unauthorized", "Unauthorized. Please check credentials and its scope." },
        { "26-api-wrong-audience.txt", 401, "auth.unauthorized", "Unauthorized. Please check credentials and its scope." },
        { "30-users-404.txt", 404, "entity.not_found", "The resource does not exist." },
        { "31-apps-404.txt", 404, "entity.not_exists_with_id", "The applications with ID `doesnotexist` does not exist." },
        { "32-route-404.txt", 404, null, "" },
        { "33-users-400-bad-email.txt", 400, "guard.invalid_input", "The request body is invalid." },
        { "34-users-400-bad-type.txt", 400, "guard.invalid_input", "The request body is invalid." },
        { "35-users-422-duplicate.txt", 422, "user.username_already_in_use", "This username is already in use." },
        { "36-users-400-page0.txt", 400, "guard.invalid_pagination", "The request pagination value is invalid." },
        { "37-users-400-bad-json.txt", 400, null, "Unexpected end of JSON input" },
        { "38-apps-400-bad-type.txt", 400, "guard.invalid_input", "The request body is invalid." },
        { "39-users-400-pagesize.txt", 400, "guard.invalid_pagination", "The request pagination value is invalid." },
    };

    [Theory]
    [MemberData(nameof(ManagementApiErrors))]
    public async Task Recorded_error_maps_to_LogtoApiException_with_Logtos_fields(string file, int status, string? code, string errorMessage)
    {
        WireRecording recording = WireRecording.Load(file);
        LogtoApiException e = await ReplayAsync(recording);

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(code, e.Code);
        Assert.Equal(errorMessage.Length == 0 ? null : errorMessage, e.ErrorMessage);
        Assert.Equal(recording.GetHeader("Logto-Core-Request-Id"), e.RequestId);
        Assert.Equal(recording.BodyText, e.RawBody);
        Assert.Equal(recording.RequestMethod, e.Method);
        Assert.Equal(recording.RequestUrl.AbsolutePath, e.PathTemplate);
        Assert.Equal("Op", e.OperationId);
        Assert.Equal(recording.GetHeader("Content-Type"), Assert.Single(e.ResponseHeaders["content-type"]));

        // Details and data are whatever the body holds, read independently here.
        string? expectedDetails = null, expectedData = null;
        if (recording.GetHeader("Content-Type")!.StartsWith("application/json", StringComparison.Ordinal))
        {
            using JsonDocument body = JsonDocument.Parse(recording.BodyText);
            expectedDetails = body.RootElement.TryGetProperty("details", out JsonElement d) ? d.GetString() : null;
            expectedData = body.RootElement.TryGetProperty("data", out JsonElement data) ? data.GetRawText() : null;
        }

        Assert.Equal(expectedDetails, e.Details);
        Assert.Equal(expectedData, e.ErrorData?.GetRawText());
    }

    [Theory]
    [MemberData(nameof(ManagementApiErrors))]
    public async Task Recorded_error_message_names_operation_status_error_and_request_id_but_never_the_token(
        string file, int status, string? code, string errorMessage)
    {
        WireRecording recording = WireRecording.Load(file);
        LogtoApiException e = await ReplayAsync(recording);

        Assert.StartsWith($"{recording.RequestMethod} {recording.RequestUrl.AbsolutePath} (Op) failed with {status} {recording.ReasonPhrase}", e.Message);
        Assert.EndsWith($" (request id {recording.GetHeader("Logto-Core-Request-Id")})", e.Message);
        if (code is not null)
        {
            Assert.Contains($": {code}: {errorMessage}", e.Message);
        }
        else if (errorMessage.Length > 0)
        {
            Assert.Contains($": {errorMessage}", e.Message);
        }

        Assert.DoesNotContain(Token, e.Message);
        Assert.DoesNotContain(Token, e.ToString());
        Assert.DoesNotContain("Bearer", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public async Task Not_found_message_reads_like_the_design_says()
    {
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}", "/api/users/doesnotexist", "GetUser");
        LogtoApiException e = await ReplayAsync(WireRecording.Load("30-users-404.txt"), request);

        Assert.Equal(
            "GET /api/users/{userId} (GetUser) failed with 404 Not Found: entity.not_found: The resource does not exist. (request id gItYt8rU-IDdfhnK)",
            e.Message);
    }

    [Fact]
    public async Task Validation_error_message_includes_the_details()
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load("33-users-400-bad-email.txt"));

        Assert.Equal(
            "POST /api/users (Op) failed with 400 Bad Request: guard.invalid_input: The request body is invalid. Error in key path \"primaryEmail\": (invalid_string) Invalid (request id 5GvcW2WabiZJ-ReG)",
            e.Message);
        Assert.Equal("Error in key path \"primaryEmail\": (invalid_string) Invalid", e.Details);
        JsonElement issue = e.ErrorData!.Value.GetProperty("issues")[0];
        Assert.Equal("invalid_string", issue.GetProperty("code").GetString());
        Assert.Equal("primaryEmail", issue.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Enum_validation_error_data_keeps_the_allowed_options()
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load("38-apps-400-bad-type.txt"));

        JsonElement issue = e.ErrorData!.Value.GetProperty("issues")[0];
        Assert.Equal("invalid_enum_value", issue.GetProperty("code").GetString());
        Assert.Equal(6, issue.GetProperty("options").GetArrayLength());
        Assert.StartsWith("Error in key path \"type\": (invalid_enum_value)", e.Details);
    }

    [Theory]
    [InlineData("21-api-garbage-token.txt", "code", "ERR_JWS_INVALID")]
    [InlineData("24-api-expired-token.txt", "code", "ERR_JWT_EXPIRED")]
    [InlineData("25-api-bad-signature.txt", "code", "ERR_JWS_SIGNATURE_VERIFICATION_FAILED")]
    [InlineData("26-api-wrong-audience.txt", "claim", "aud")]
    public async Task Unauthorized_error_data_tells_why_the_token_was_refused(string file, string property, string expected)
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load(file));

        Assert.Equal(expected, e.ErrorData!.Value.GetProperty(property).GetString());
    }

    [Fact]
    public async Task Unknown_route_text_plain_body_gives_a_message_without_code()
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load("32-route-404.txt"));

        Assert.Null(e.Code);
        Assert.Null(e.ErrorMessage);
        Assert.Null(e.ErrorData);
        Assert.Equal("Not Found", e.RawBody);
        Assert.Equal("GET /api/doesnotexist (Op) failed with 404 Not Found (request id kDyVfV-01JUU1FSa)", e.Message);
    }

    [Fact]
    public async Task Body_with_message_but_no_code_gives_the_message()
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load("37-users-400-bad-json.txt"));

        Assert.Null(e.Code);
        Assert.Equal("POST /api/users (Op) failed with 400 Bad Request: Unexpected end of JSON input (request id nx7mEoQMARvub_x3)", e.Message);
    }

    [Fact]
    public async Task Empty_body_gives_a_message_that_says_so()
    {
        _server.RespondWith(new FakeResponse(503, [], []));
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser));

        Assert.Equal("GET /api/users (ListUsers) failed with 503 Service Unavailable and an empty body", e.Message);
        Assert.Equal("", e.RawBody);
        Assert.Null(e.RequestId);
    }

    [Fact]
    public async Task Non_json_text_body_is_quoted_on_one_line()
    {
        _server.RespondWith(FakeResponse.Text(502, "<html>\n  <body>Bad   gateway</body>\n</html>", "text/html"));
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendNoContentAsync(request));

        Assert.StartsWith("GET /api/users (ListUsers) failed with 502 Bad Gateway: <html> <body>Bad gateway</body> </html> (request id fake-", e.Message);
    }

    [Fact]
    public async Task Json_body_that_is_not_an_object_is_quoted()
    {
        _server.RespondWith(FakeResponse.Json(500, "[\"boom\"]"));
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendNoContentAsync(request));

        Assert.Null(e.Code);
        Assert.Contains("failed with 500 Internal Server Error: [\"boom\"]", e.Message);
    }

    [Fact]
    public async Task Huge_body_is_kept_up_to_64_KiB_and_the_message_stays_short()
    {
        string huge = new('x', 200_000);
        _server.RespondWith(FakeResponse.Text(500, huge));
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendNoContentAsync(request));

        Assert.Equal(64 * 1024, e.RawBody!.Length);
        Assert.True(e.Message.Length < 1000, "message length " + e.Message.Length);
        Assert.Contains("…", e.Message);
    }

    [Fact]
    public void Public_constructor_sets_every_property_and_clones_the_data()
    {
        JsonElement data;
        using (JsonDocument document = JsonDocument.Parse("{\"claim\":\"aud\"}"))
        {
            var headers = new Dictionary<string, IReadOnlyList<string>> { ["X-A"] = ["1"] };
            var inner = new InvalidOperationException("inner");
            var e = new LogtoApiException(
                "message", 404, "GET", "/api/users/{userId}", "GetUser", "entity.not_found", "The resource does not exist.",
                "details", document.RootElement, "req-1", "{}", headers, inner);

            Assert.Equal("message", e.Message);
            Assert.Equal(404, e.StatusCode);
            Assert.Equal("GET", e.Method);
            Assert.Equal("/api/users/{userId}", e.PathTemplate);
            Assert.Equal("GetUser", e.OperationId);
            Assert.Equal("entity.not_found", e.Code);
            Assert.Equal("The resource does not exist.", e.ErrorMessage);
            Assert.Equal("details", e.Details);
            Assert.Equal("req-1", e.RequestId);
            Assert.Equal("{}", e.RawBody);
            Assert.Same(headers, e.ResponseHeaders);
            Assert.Same(inner, e.InnerException);
            data = e.ErrorData!.Value;
        }

        Assert.Equal("aud", data.GetProperty("claim").GetString());
    }

    [Fact]
    public void Public_constructor_needs_only_message_status_method_and_path()
    {
        var e = new LogtoApiException("boom", 500, "GET", "/api/users");

        Assert.Null(e.Code);
        Assert.Null(e.ErrorData);
        Assert.Empty(e.ResponseHeaders);
        Assert.Equal("method", Assert.Throws<ArgumentNullException>(() => new LogtoApiException("m", 1, null!, "/")).ParamName);
    }

    public static TheoryData<string, string> RecordedFlags => new()
    {
        { "20-api-no-auth.txt", "Unauthorized" },
        { "21-api-garbage-token.txt", "Unauthorized" },
        { "22-api-basic-scheme.txt", "Unauthorized" },
        { "23-api-token-without-scope.txt", "Forbidden" },
        { "24-api-expired-token.txt", "Unauthorized" },
        { "25-api-bad-signature.txt", "Unauthorized" },
        { "26-api-wrong-audience.txt", "Unauthorized" },
        { "30-users-404.txt", "NotFound" },
        { "31-apps-404.txt", "NotFound" },
        { "32-route-404.txt", "NotFound" },
        { "33-users-400-bad-email.txt", "ValidationError" },
        { "34-users-400-bad-type.txt", "ValidationError" },
        { "35-users-422-duplicate.txt", "Conflict" },
        { "36-users-400-page0.txt", "ValidationError" },
        { "37-users-400-bad-json.txt", "" },
        { "38-apps-400-bad-type.txt", "ValidationError" },
        { "39-users-400-pagesize.txt", "ValidationError" },
    };

    [Theory]
    [MemberData(nameof(RecordedFlags))]
    public async Task Recorded_error_sets_exactly_the_matching_convenience_flag(string file, string expectedFlag)
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load(file));

        Assert.Equal(expectedFlag, string.Join(",", Flags(e)));
    }

    [Fact]
    public void Recordings_cover_every_Management_API_error_file()
    {
        string[] files = Directory.GetFiles(WireRecording.FixturesDirectory, "*.txt")
            .Select(f => Path.GetFileName(f))
            .Where(name => name[0] is '2' or '3')
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(17, files.Length);
        Assert.Equal(files, RecordedFlags.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
        Assert.Equal(files, ManagementApiErrors.Select(row => (string)row[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_code_in_the_recordings_has_a_well_known_constant()
    {
        HashSet<string> constants = typeof(LogtoErrorCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

        Assert.All(
            ManagementApiErrors.Select(row => (string?)row[2]).OfType<string>(),
            code => Assert.Contains(code, constants));
    }

    [Fact]
    public void LogtoErrorCodes_constants_are_distinct_dotted_codes()
    {
        string[] values = typeof(LogtoErrorCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

        Assert.Equal(values.Length, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, v => Assert.Matches("^[a-z_]+\\.[a-z_.]+$", v));
    }

    [Fact]
    public async Task HasCode_compares_Logtos_code_with_a_well_known_constant()
    {
        LogtoApiException duplicate = await ReplayAsync(WireRecording.Load("35-users-422-duplicate.txt"));
        LogtoApiException noCode = await ReplayAsync(WireRecording.Load("32-route-404.txt"));

        Assert.True(duplicate.HasCode(LogtoErrorCodes.UserUsernameAlreadyInUse));
        Assert.False(duplicate.HasCode(LogtoErrorCodes.UserEmailAlreadyInUse));
        Assert.False(duplicate.HasCode("USER.USERNAME_ALREADY_IN_USE"));
        Assert.False(noCode.HasCode(LogtoErrorCodes.EntityNotFound));
        Assert.Throws<ArgumentNullException>(() => duplicate.HasCode(null!));
    }

    [Fact]
    public async Task Too_many_requests_sets_IsRateLimited()
    {
        _server.RespondWith(FakeResponse.Json(429, """{"code":"request.rate_limited","message":"Too many requests. Please try again later."}""")
            .WithHeader("Retry-After", "30"));
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendNoContentAsync(request));

        Assert.Equal(["RateLimited"], Flags(e));
        Assert.True(e.HasCode(LogtoErrorCodes.RequestRateLimited));
        Assert.Equal("30", Assert.Single(e.ResponseHeaders["Retry-After"]));
        Assert.StartsWith("GET /api/users (ListUsers) failed with 429 Too Many Requests: request.rate_limited: Too many requests.", e.Message);
    }

    [Fact]
    public async Task Refused_advanced_search_is_a_validation_error_whose_message_says_what_was_wrong()
    {
        // What Logto answers a search on an unknown field (request.invalid_input with the parser's message as details).
        _server.RespondWith(FakeResponse.Json(400,
            """{"code":"request.invalid_input","message":"Input is invalid. Search field `foo` is not valid, expect one of id, primary_email, primary_phone, username, name.","details":"Search field `foo` is not valid, expect one of id, primary_email, primary_phone, username, name."}"""));
        var request = new RequestInformation(HttpMethod.Get, "/api/users", "/api/users", "ListUsers");

        var e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendNoContentAsync(request));

        Assert.True(e.IsValidationError);
        Assert.True(e.HasCode(LogtoErrorCodes.RequestInvalidInput));
        Assert.Contains("Search field `foo` is not valid", e.Message);
    }

    [Theory]
    [InlineData(409, null, true)]
    [InlineData(409, "entity.db_constraint_violated", true)]
    [InlineData(422, "user.username_already_in_use", true)]
    [InlineData(422, "user.email_already_in_use", true)]
    [InlineData(422, "user.phone_already_in_use", true)]
    [InlineData(422, "user.identity_already_in_use", true)]
    [InlineData(422, "user.role_exists", true)]
    [InlineData(422, "role.name_in_use", true)]
    [InlineData(400, "role.name_in_use", true)]
    [InlineData(422, "role.user_exists", true)]
    [InlineData(422, "role.scope_exists", true)]
    [InlineData(422, "role.application_exists", true)]
    [InlineData(422, "scope.name_exists", true)]
    [InlineData(422, "resource.resource_identifier_in_use", true)]
    [InlineData(422, "application.role_exists", true)]
    [InlineData(422, "application.secret_name_exists", true)]
    [InlineData(422, "entity.unique_integrity_violation", true)]
    [InlineData(422, "user.invalid_role_type", false)]
    [InlineData(422, "entity.relation_foreign_key_not_found", false)]
    [InlineData(422, null, false)]
    [InlineData(400, "guard.invalid_input", false)]
    public void IsConflict_is_409_or_a_code_saying_the_thing_already_exists(int status, string? code, bool expected)
    {
        Assert.Equal(expected, new LogtoApiException("m", status, "POST", "/api/x", code: code).IsConflict);
    }

    [Theory]
    [InlineData(400, "guard.invalid_input", true)]
    [InlineData(400, "guard.invalid_pagination", true)]
    [InlineData(400, "request.invalid_input", true)]
    [InlineData(400, "user.password_and_digest", false)]
    [InlineData(400, null, false)]
    [InlineData(500, "guard.invalid_input", false)]
    public void IsValidationError_is_400_with_one_of_Logtos_validation_codes(int status, string? code, bool expected)
    {
        Assert.Equal(expected, new LogtoApiException("m", status, "POST", "/api/x", code: code).IsValidationError);
    }

    [Theory]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "NotFound")]
    [InlineData(409, "Conflict")]
    [InlineData(429, "RateLimited")]
    [InlineData(400, "")]
    [InlineData(422, "")]
    [InlineData(500, "")]
    [InlineData(200, "")]
    public void Status_flags_follow_the_HTTP_status(int status, string expectedFlag)
    {
        Assert.Equal(expectedFlag, string.Join(",", Flags(new LogtoApiException("m", status, "GET", "/api/x"))));
    }

    [Theory]
    [InlineData("24-api-expired-token.txt", "[data.code ERR_JWT_EXPIRED, data.claim exp]")]
    [InlineData("26-api-wrong-audience.txt", "[data.code ERR_JWT_CLAIM_VALIDATION_FAILED, data.claim aud]")]
    [InlineData("21-api-garbage-token.txt", "[data.code ERR_JWS_INVALID]")]
    [InlineData("25-api-bad-signature.txt", "[data.code ERR_JWS_SIGNATURE_VERIFICATION_FAILED]")]
    public async Task Refused_token_message_says_why_without_quoting_the_tokens_claims(string file, string reason)
    {
        WireRecording recording = WireRecording.Load(file);
        LogtoApiException e = await ReplayAsync(recording);

        Assert.Equal(
            $"GET /api/applications (Op) failed with 401 Unauthorized: auth.unauthorized: Unauthorized. Please check credentials and its scope. {reason} (request id {recording.GetHeader("Logto-Core-Request-Id")})",
            e.Message);
        Assert.DoesNotContain("my-m2m-app-id", e.Message);
        Assert.DoesNotContain("payload", e.Message);
    }

    [Fact]
    public async Task Data_without_a_code_adds_nothing_to_the_message()
    {
        LogtoApiException e = await ReplayAsync(WireRecording.Load("22-api-basic-scheme.txt"));

        Assert.Equal(
            "GET /api/applications (Op) failed with 401 Unauthorized: auth.authorization_token_type_not_supported: Authorization type is not supported. (request id DZAra9upy6_R8snU)",
            e.Message);
        Assert.Equal("Bearer", e.ErrorData!.Value.GetProperty("supportedTypes")[0].GetString());
    }

    private static List<string> Flags(LogtoApiException e)
    {
        var flags = new List<string>();
        if (e.IsUnauthorized)
        {
            flags.Add("Unauthorized");
        }

        if (e.IsForbidden)
        {
            flags.Add("Forbidden");
        }

        if (e.IsNotFound)
        {
            flags.Add("NotFound");
        }

        if (e.IsConflict)
        {
            flags.Add("Conflict");
        }

        if (e.IsValidationError)
        {
            flags.Add("ValidationError");
        }

        if (e.IsRateLimited)
        {
            flags.Add("RateLimited");
        }

        return flags;
    }

    // Without retries: these tests are about the exception, and a retried 429 would wait out its Retry-After in real time.
    private LogtoRequestAdapter CreateAdapter() =>
        new(_httpClient, new BearerTokenAuthenticationProvider(Token), _server.Endpoint, new LogtoManagementOptions { Retry = LogtoRetryOptions.None });

    private async Task<LogtoApiException> ReplayAsync(WireRecording recording, RequestInformation? request = null)
    {
        _server.RespondWith(FakeResponse.FromRecording(recording));
        string path = recording.RequestUrl.AbsolutePath;
        request ??= new RequestInformation(new HttpMethod(recording.RequestMethod), path, path, "Op");
        if (!string.IsNullOrEmpty(recording.RequestUrl.Query))
        {
            foreach (string pair in recording.RequestUrl.Query.TrimStart('?').Split('&'))
            {
                string[] parts = pair.Split('=', 2);
                request.Query.Add(parts[0], parts[1]);
            }
        }

        LogtoApiException e = await Assert.ThrowsAsync<LogtoApiException>(() => CreateAdapter().SendAsync(request, TestJsonContext.Default.TestUser));
        RecordedRequest sent = Assert.Single(_server.Requests);
        Assert.Equal(recording.RequestUrl.PathAndQuery, sent.RawTarget);
        _server.ClearRequests();
        return e;
    }
}
