using LogtoGenerated.Http;
using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;

namespace LogtoGenerated.LiveTests;

/// <summary>
/// What the version policy (README, "Versions") tells users of an older self-hosted Logto: an operation of a later release
/// that their server lacks fails as a 404 that carries no Logto error code, unlike a 404 for a missing entity.
/// </summary>
public sealed class OlderServerTests
{
    [LiveFact]
    public async Task An_operation_the_server_lacks_is_a_404_without_a_Logto_code_while_a_missing_entity_has_one()
    {
        LiveServer live = LiveServer.Required;
        using var http = new HttpClient();
        var adapter = new LogtoRequestAdapter(
            http, live.CreateTokenProvider(live.ManagementResource, null, "all"), live.Endpoint, new LogtoManagementOptions { Retry = LogtoRetryOptions.None });
        // An operation of a later Logto release, as a server without it sees the request.
        var request = new RequestInformation(HttpMethod.Get, "/api/users/{userId}/later-feature", "/api/users/u1/later-feature", "GetUserLaterFeature");

        LogtoApiException lacking = await Assert.ThrowsAsync<LogtoApiException>(() => adapter.SendNoContentAsync(request));
        LogtoApiException missing = await Assert.ThrowsAsync<LogtoApiException>(() => new LogtoManagementClient(adapter).Users["missing-" + RunTag.New()].GetAsync());

        Assert.True(lacking.IsNotFound);
        Assert.Null(lacking.Code);
        Assert.True(missing.IsNotFound);
        Assert.Equal("entity.not_found", missing.Code);
    }
}
