using LogtoGenerated.LiveTests.Seeding;
using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests;

/// <summary>
/// The three responses that have the shape of their request body but a type of their own (a name ending in
/// <c>Request</c> covers request bodies only): Logto answers each with the ids it assigned, which the type reads.
/// </summary>
public sealed class SplitResponseTypesTests
{
    [LiveFact]
    public async Task Role_and_member_assignments_answer_with_the_ids_their_result_types_read()
    {
        var client = LiveServer.Required.CreateClient();
        var tag = RunTag.New();
        var role = await client.Roles.PostAsync(new CreateRoleRequest { Name = $"live-{tag}-split", Description = "Split", Type = RoleType.User });
        var user = await client.Users.PostAsync(new CreateUserRequest { Username = $"live_{tag}_split" });
        var organization = await client.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} split" });
        var organizationRole = await client.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest { Name = $"live-{tag}-split" });

        RoleReplacementResult replaced = await client.Users[user.Id].Roles.PutAsync(new RoleIdsRequest { RoleIds = [role.Id] });
        OrganizationUserAssignmentResult members = await client.Organizations[organization.Id].Users.PostAsync(new UserIdsRequest { UserIds = [user.Id] });
        OrganizationRoleAssignmentResult assigned = await client.Organizations[organization.Id].Users[user.Id].Roles.PostAsync(
            new OrganizationRolesRequest { OrganizationRoleIds = [organizationRole.Id] });

        Assert.Equal([role.Id], replaced.RoleIds);
        Assert.Equal([user.Id], members.UserIds);
        Assert.Equal([organizationRole.Id], assigned.OrganizationRoleIds);
        Assert.Equal([role.Id], (await client.Users[user.Id].Roles.GetAsync()).Select(r => r.Id));
    }
}
