using LogtoGenerated.LiveTests.Server;
using LogtoGenerated.Models;

namespace LogtoGenerated.LiveTests.Seeding;

/// <summary>
/// The live M2M app as a member of an organization of this run's making: an organization permission
/// (<c>live-{tag}:reports</c>), a machine-to-machine organization role granting it and the shop resource's scope, the
/// organization the app is in with that role, and another organization it is not in. Disposing deletes them all, so the
/// app is left in no organization of the run's making.
/// </summary>
internal sealed class OrganizationMembership : IAsyncDisposable
{
    private readonly LogtoManagementClient _admin;

    private OrganizationMembership(LogtoManagementClient admin, OrganizationScope reports, OrganizationRole role, Organization member, Organization other)
    {
        _admin = admin;
        Reports = reports;
        Role = role;
        Member = member;
        Other = other;
    }

    /// <summary>The organization permission the role grants.</summary>
    public OrganizationScope Reports { get; }

    /// <summary>The app's organization role.</summary>
    public OrganizationRole Role { get; }

    /// <summary>The organization the app is in.</summary>
    public Organization Member { get; }

    /// <summary>An organization the app is not in.</summary>
    public Organization Other { get; }

    public static async Task<OrganizationMembership> CreateAsync(LiveServer server)
    {
        var (shop, shopScope) = server.ShopResource ?? throw new InvalidOperationException("Set LOGTO_SHOP_RESOURCE (and LOGTO_SHOP_SCOPE): an API resource with a scope.");
        var admin = server.CreateClient();
        var tag = RunTag.New();
        var resource = await admin.Resources.GetAllAsync().SingleAsync(r => r.Indicator == shop);
        var orderScope = (await admin.Resources[resource.Id].Scopes.GetAsync()).Single(s => s.Name == shopScope);
        var reports = await admin.OrganizationScopes.PostAsync(new CreateScopeRequest { Name = $"live-{tag}:reports" });
        var role = await admin.OrganizationRoles.PostAsync(new CreateOrganizationRoleRequest
        {
            Name = $"live-{tag}-reporting",
            Type = RoleType.MachineToMachine,
            OrganizationScopeIds = [reports.Id],
            ResourceScopeIds = [orderScope.Id],
        });
        var member = await admin.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} member" });
        var other = await admin.Organizations.PostAsync(new CreateOrganizationRequest { Name = $"Live {tag} other" });
        var membership = new OrganizationMembership(admin, reports, role, member, other);
        try
        {
            await admin.Organizations[member.Id].Applications.PostAsync(new ApplicationIdsRequest { ApplicationIds = [server.AppId] });
            await admin.Organizations[member.Id].Applications[server.AppId].Roles.PostAsync(new OrganizationRoleIdsRequest { OrganizationRoleIds = [role.Id] });
            return membership;
        }
        catch
        {
            await membership.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _admin.Organizations[Member.Id].DeleteAsync();
        await _admin.Organizations[Other.Id].DeleteAsync();
        await _admin.OrganizationRoles[Role.Id].DeleteAsync();
        await _admin.OrganizationScopes[Reports.Id].DeleteAsync();
    }
}
