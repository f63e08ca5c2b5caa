using System.Net;
using System.Text.Json.Nodes;
using LogtoGenerated.Tests.Authentication;
using LogtoGenerated.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace LogtoGenerated.Tests.Samples;

/// <summary>
/// The ASP.NET Core sample (<c>samples/LogtoGenerated.Samples.AspNetCore</c>) hosted in memory, its Logto client
/// configured through the <c>Logto</c> configuration section to call a fake Logto on 127.0.0.1.
/// </summary>
public sealed class AspNetCoreSampleTests
{
    [Fact]
    public async Task GetUser_AnswersWithTheUserFromLogto_ThroughTheClientRegisteredFromConfiguration()
    {
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();
        FakeLogtoUsers.ServeOn(server, seededUsers: 3);
        await using WebApplicationFactory<Program> app = SampleConfiguredFor(server);
        using HttpClient http = app.CreateClient();

        using HttpResponseMessage response = await http.GetAsync(new Uri("/users/fake00000002", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonObject user = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal("fake00000002", (string?)user["id"]);
        Assert.Equal("user002", (string?)user["username"]);
        Assert.Equal("user002@example.com", (string?)user["primaryEmail"]);
        RecordedRequest lookup = Assert.Single(TokenEndpoint.ApiRequests(server));
        Assert.Equal("GET /api/users/fake00000002", lookup.Method + " " + lookup.RawTarget);
        Assert.Equal("Bearer token-1", lookup.Headers["Authorization"]);
    }

    [Fact]
    public async Task GetUser_ForAnIdLogtoDoesNotKnow_AnswersNotFoundWithProblemDetails()
    {
        await using FakeLogtoServer server = await FakeLogtoServer.StartAsync();
        FakeLogtoUsers.ServeOn(server, seededUsers: 1);
        await using WebApplicationFactory<Program> app = SampleConfiguredFor(server);
        using HttpClient http = app.CreateClient();

        using HttpResponseMessage response = await http.GetAsync(new Uri("/users/nobody", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Logto has no user 'nobody'.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_WithoutLogtoSettings_FailsWithAMessageNamingWhatToSet()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("set TenantId", e.Message, StringComparison.Ordinal);
        Assert.Contains("ClientId is required", e.Message, StringComparison.Ordinal);
        Assert.Contains("ClientSecret is required", e.Message, StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> SampleConfiguredFor(FakeLogtoServer server) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder => builder
            .UseEnvironment("Production")
            .UseSetting("Logto:Endpoint", server.Endpoint.ToString())
            .UseSetting("Logto:ClientId", TokenEndpoint.ClientId)
            .UseSetting("Logto:ClientSecret", TokenEndpoint.ClientSecret));
}
