using System.Text.Json.Nodes;
using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests;

/// <summary>
/// The document errors users met first, each corrected in <c>openapi/corrections.json</c>, proven on the real server
/// through the typed client.
/// </summary>
public sealed class DocumentCorrectionTests
{
    [LiveFact]
    public async Task Applications_with_redirect_URIs_are_created_listed_read_and_updated_with_the_URIs_as_strings()
    {
        var client = LiveServer.Required.CreateClient();
        var tag = RunTag.New();
        var created = await client.Applications.PostAsync(new CreateApplicationRequest
        {
            Name = $"live {tag} web",
            Type = ApplicationType.Traditional,
            OidcClientMetadata = new OidcClientMetadata { RedirectUris = [$"https://{tag}.example.com/callback"], PostLogoutRedirectUris = [$"https://{tag}.example.com/bye"] },
        });

        var listed = (await client.Applications.GetAsync(c => c.QueryParameters.PageSize = 100)).Single(a => a.Id == created.Id);
        var updated = await client.Applications[created.Id].PatchAsync(new UpdateApplicationRequest
        {
            OidcClientMetadata = new OidcClientMetadata { RedirectUris = [$"https://{tag}.example.com/callback", "io.example.app://callback"], PostLogoutRedirectUris = [] },
        });
        var read = await client.Applications[created.Id].GetAsync();

        Assert.Equal([$"https://{tag}.example.com/callback"], listed.OidcClientMetadata.RedirectUris);
        Assert.Equal([$"https://{tag}.example.com/bye"], listed.OidcClientMetadata.PostLogoutRedirectUris);
        Assert.Equal([$"https://{tag}.example.com/callback", "io.example.app://callback"], updated.OidcClientMetadata.RedirectUris);
        Assert.Equal(updated.OidcClientMetadata.RedirectUris, read.OidcClientMetadata.RedirectUris);
        Assert.Empty(read.OidcClientMetadata.PostLogoutRedirectUris);
    }

    [LiveFact]
    public async Task Writes_Logto_answers_with_a_text_status_body_complete_without_an_exception_and_take_effect_once()
    {
        var client = LiveServer.Required.CreateClient();
        var tag = RunTag.New();
        var role = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-writer", Description = "Writes" });
        var m2mRole = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-m2m", Description = "Service", Type = RoleType.MachineToMachine });
        var user = await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_text" });
        var app = await client.Applications.PostAsync(new CreateApplicationRequest { Name = $"live {tag} job", Type = ApplicationType.MachineToMachine });
        var exchanges = ExchangeRecorder.Record();

        await client.Roles[role.Id].Users.PostAsync(new UserIdsRequest { UserIds = [user.Id] });
        await client.Applications[app.Id].Roles.PutAsync(new RoleIdsRequest { RoleIds = [m2mRole.Id] });

        Assert.Equal(["201 Created", "200 OK"], exchanges.Select(e => $"{e.Status} {e.ResponseBody}"));
        Assert.All(exchanges, e => Assert.StartsWith("text/plain", e.ResponseContentType, StringComparison.Ordinal));
        Assert.Contains((await client.Roles[role.Id].Users.GetAsync()), u => u.Id == user.Id);
        Assert.Equal([m2mRole.Id], (await client.Applications[app.Id].Roles.GetAsync()).Select(r => r.Id));
    }

    [LiveFact]
    public async Task SAML_application_ACS_URL_is_sent_and_read_as_binding_and_URL_and_its_secrets_expiry_is_read_as_a_date()
    {
        var client = LiveServer.Required.CreateClient();
        var tag = RunTag.New();
        await Seeder.RemoveEarlierSamlApplicationsAsync(client);

        var created = await client.SamlApplications.PostAsync(new CreateSamlApplicationRequest
        {
            Name = $"live {tag} SAML",
            AcsUrl = new AcsUrl { Binding = AcsUrlBinding.UrnOasisNamesTcSAML20BindingsHTTPPOST, Url = $"https://{tag}.example.com/acs" },
        });
        var updated = await client.SamlApplications[created.Id].PatchAsync(new UpdateSamlApplicationRequest
        {
            AcsUrl = new AcsUrl { Binding = AcsUrlBinding.UrnOasisNamesTcSAML20BindingsHTTPRedirect, Url = $"https://{tag}.example.com/acs2" },
        });
        var before = DateTimeOffset.UtcNow;
        await client.SamlApplications[created.Id].Secrets.PostAsync(new CreateSamlApplicationSecretRequest { LifeSpanInYears = 2 });
        var secrets = await client.SamlApplications[created.Id].Secrets.GetAsync();

        Assert.Equal(AcsUrlBinding.UrnOasisNamesTcSAML20BindingsHTTPPOST, created.AcsUrl!.Binding);
        Assert.Equal($"https://{tag}.example.com/acs2", updated.AcsUrl!.Url);
        Assert.Equal(AcsUrlBinding.UrnOasisNamesTcSAML20BindingsHTTPRedirect, (await client.SamlApplications[created.Id].GetAsync()).AcsUrl!.Binding);
        Assert.Contains(secrets, s => Math.Abs((s.ExpiresAt - before.AddYears(2)).TotalDays) < 2);
        await client.SamlApplications[created.Id].DeleteAsync();
    }
}
