using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LogtoGenerated.Authentication;
using LogtoGenerated.Http;
using LogtoGenerated.Models;
using LogtoGenerated.Tests.Http;
using LogtoGenerated.Tests.Infrastructure;

namespace LogtoGenerated.Tests.Generated;

/// <summary>Generated operations against a real Kestrel server: the exact request sent, and the response read.</summary>
public sealed class GeneratedClientTests : PipelineTestBase
{
    private RecordedRequest SingleRequest() => Assert.Single(Server.Requests);

    [Fact]
    public async Task GetUser_SendsGetToTheUserPath_AndReadsLogtosRecordedUser()
    {
        Server.RespondWithRecording("03-create-user-1.txt");

        User user = await Client.Users["0v6t4aelt1uj"].GetAsync();

        var request = SingleRequest();
        Assert.Equal("GET", request.Method);
        Assert.Equal("/api/users/0v6t4aelt1uj", request.RawTarget);
        Assert.Equal("Bearer " + BearerToken, request.GetHeader("Authorization"));
        Assert.Equal("0v6t4aelt1uj", user.Id);
        Assert.Equal("testuser1", user.Username);
        Assert.Equal("testuser1@example.com", user.PrimaryEmail);
        Assert.Null(user.PrimaryPhone);
        Assert.Empty(user.CustomData);
        Assert.Empty(user.Identities);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795247190700), user.CreatedAt);
        Assert.False(user.IsSuspended);
        Assert.True(user.HasPassword);
    }

    [Fact]
    public async Task ListApplications_SendsTypedQueryParametersWithWireNames_AndReadsTheRecordedList()
    {
        Server.RespondWithRecording("02-list-applications.txt");

        var applications = await Client.Applications.GetAsync(c =>
        {
            c.QueryParameters.PageSize = 50;
            c.QueryParameters.Page = 2;
            c.QueryParameters.Types = [ApplicationType.MachineToMachine, ApplicationType.SPA];
            c.QueryParameters.IsThirdParty = false;
        });

        var request = SingleRequest();
        Assert.Equal("/api/applications", request.Path);
        Assert.Equal("types=MachineToMachine&types=SPA&isThirdParty=false&page=2&page_size=50", request.QueryString);
        Assert.NotEmpty(applications);
        Assert.All(applications, a => Assert.False(string.IsNullOrEmpty(a.Id)));
        Assert.Contains(applications, a => a.Type == ApplicationType.MachineToMachine);
    }

    [Fact]
    public async Task CreateUser_PostsOnlyTheSetPropertiesAsJson()
    {
        Server.RespondWithRecording("03-create-user-1.txt");

        User created = await Client.Users.PostAsync(new CreateUserRequest { Username = "ada", PrimaryEmail = "ada@example.com" });

        var request = SingleRequest();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/users", request.Path);
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"primaryEmail":"ada@example.com","username":"ada"}""", request.BodyText);
        Assert.Equal("0v6t4aelt1uj", created.Id);
    }

    [Fact]
    public async Task AddOrganizationUsers_PostsTheIdsAndReadsTheProcessedIds()
    {
        Server.RespondWith(FakeResponse.Json(201, """{"userIds":["u1","u2"]}"""));

        var added = await Client.Organizations["o1"].Users.PostAsync(new UserIdsRequest { UserIds = ["u1", "u2"] });

        Assert.Equal(["u1", "u2"], added.UserIds);
        var request = SingleRequest();
        Assert.Equal("/api/organizations/o1/users", request.Path);
        Assert.Equal("""{"userIds":["u1","u2"]}""", request.BodyText);
    }

    [Fact]
    public async Task DeleteUser_SendsDeleteAndCompletesOnNoContent()
    {
        Server.RespondWith(FakeResponse.Empty(204));

        await Client.Users["u1"].DeleteAsync();

        var request = SingleRequest();
        Assert.Equal("DELETE", request.Method);
        Assert.Equal("/api/users/u1", request.Path);
        Assert.Empty(request.Body);
    }

    [Fact]
    public async Task PathParameters_AreEscapedSoTheyCannotLeaveTheirSegment()
    {
        Server.RespondWith(FakeResponse.Empty(204));

        await Client.Users["a b/../c?d"].Roles["r#1"].DeleteAsync();

        Assert.Equal("/api/users/a%20b%2F..%2Fc%3Fd/roles/r%231", SingleRequest().RawTarget);
    }

    [Fact]
    public async Task ApplicationIndexer_IsNamedApplicationId_AndFillsTheTemplatesThatCallItIdAndApplicationId()
    {
        Server.RespondWith(FakeResponse.Empty(204));

        await Client.Applications["a 1"].DeleteAsync();
        var error = Assert.Throws<ArgumentException>(() => Client.Applications[""]);

        Assert.Equal("/api/applications/a%201", SingleRequest().RawTarget);
        Assert.Contains("applicationId", error.Message, StringComparison.Ordinal);
        Assert.Equal("applicationId", typeof(LogtoGenerated.RequestBuilders.Applications.ApplicationsRequestBuilder).GetProperty("Item")!.GetIndexParameters().Single().Name);
    }

    [Fact]
    public void PathParameters_RejectEmptyValuesWithAMessageNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentException>(() => Client.Users[""]);
        Assert.Contains("userId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsers_SendsExplodedSearchParamsAsTheirOwnQueryParameters()
    {
        Server.RespondWith(FakeResponse.Json(200, "[]"));

        var users = await Client.Users.GetAsync(c =>
        {
            c.QueryParameters.SearchParams = new Dictionary<string, string>
            {
                ["search.primaryEmail"] = "%@example.com",
                ["mode.primaryEmail"] = "like",
            };
            c.QueryParameters.PageSize = 100;
        });

        Assert.Empty(users);
        Assert.Equal("page_size=100&search.primaryEmail=%25%40example.com&mode.primaryEmail=like", SingleRequest().QueryString);
    }

    [Fact]
    public async Task RequiredQueryParameter_IsAMethodArgument()
    {
        Server.RespondWith(FakeResponse.Json(200, """{"X-Hasura-User-Id":"u1","X-Hasura-Role":"admin"}"""));

        var auth = await Client.Authn.Hasura.GetAsync("https://api.example.com");

        Assert.Equal("resource=https%3A%2F%2Fapi.example.com", SingleRequest().QueryString);
        Assert.NotNull(auth);
    }

    [Fact]
    public async Task GetUser_NotFound_BecomesLogtoApiExceptionWithCodeAndOperation()
    {
        Server.RespondWithRecording("30-users-404.txt");

        var error = await Assert.ThrowsAsync<LogtoApiException>(() => Client.Users["doesnotexist"].GetAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Equal("entity.not_found", error.Code);
        Assert.Equal("/api/users/{userId}", error.PathTemplate);
        Assert.Equal("GetUser", error.OperationId);
        Assert.Equal("gItYt8rU-IDdfhnK", error.RequestId);
    }

    [Fact]
    public async Task SamlMetadata_IsReturnedAsText()
    {
        const string xml = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>";
        Server.RespondWith(FakeResponse.Text(200, xml, "text/xml; charset=utf-8"));

        var metadata = await Client.SamlApplications["app1"].Metadata.GetAsync();

        Assert.Equal(xml, metadata);
        Assert.Equal("/api/saml-applications/app1/metadata", SingleRequest().Path);
    }

    [Fact]
    public async Task Body_OfferedAsJsonAndForm_IsSentAsJsonWithExactWireNames()
    {
        Server.RespondWith(FakeResponse.Json(200, "{}"));

        await Client.Saml["app1"].Authn.PostAsync(new CreateSamlAuthnRequest { SAMLRequest = "PHNhbWw+", RelayState = "state 1" });

        var request = SingleRequest();
        Assert.StartsWith("application/json", request.ContentType);
        Assert.Equal("""{"SAMLRequest":"PHNhbWw\u002B","RelayState":"state 1"}""", request.BodyText);
    }

    [Fact]
    public async Task MultipartUpload_SendsTheFileWithItsNameAndType()
    {
        Server.RespondWith(FakeResponse.Json(201, """{"url":"https://cdn.example.com/a.png"}"""));
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("PNGDATA"));

        var asset = await Client.UserAssets.PostAsync(new UploadFileRequest { File = new FileUpload(content, "avatar.png", "image/png") });

        var request = SingleRequest();
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Contains("Content-Disposition: form-data; name=\"file\"; filename=\"avatar.png\"", request.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("filename*", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("Content-Type: image/png", request.BodyText, StringComparison.Ordinal);
        Assert.Contains("PNGDATA", request.BodyText, StringComparison.Ordinal);
        Assert.Equal("https://cdn.example.com/a.png", asset.Url);
    }

    [Fact]
    public async Task MultipartUpload_IsParsedByAServerMultipartReader_ToTheExactFileBytes()
    {
        Server.RespondWith(FakeResponse.Json(201, """{"url":"https://cdn.example.com/a.png"}"""));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0xFE, 0x2D, 0x2D];
        using var content = new MemoryStream(png);

        await Client.UserAssets.PostAsync(new UploadFileRequest { File = new FileUpload(content, "avatar ü.png", "image/png") });

        var request = SingleRequest();
        var mediaType = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.Parse(request.ContentType);
        var boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value!;
        var reader = new Microsoft.AspNetCore.WebUtilities.MultipartReader(boundary, new MemoryStream(request.Body));
        var section = await reader.ReadNextSectionAsync();
        Assert.NotNull(section);
        var file = Microsoft.AspNetCore.WebUtilities.MultipartSectionConverterExtensions.AsFileSection(section);
        Assert.NotNull(file);
        Assert.Equal("file", file.Name);
        Assert.Equal("avatar ü.png", file.FileName);
        Assert.Equal("image/png", section.ContentType);
        using var received = new MemoryStream();
        await file.FileStream!.CopyToAsync(received);
        Assert.Equal(png, received.ToArray());
        Assert.Null(await reader.ReadNextSectionAsync());
    }

    [Fact]
    public async Task RequestConfiguration_AddsHeaders()
    {
        Server.RespondWith(FakeResponse.Empty(204));

        await Client.Users["u1"].DeleteAsync(c => c.Headers["X-Trace"] = "abc");

        Assert.Equal("abc", SingleRequest().GetHeader("X-Trace"));
    }
}
