using LogtoGenerated.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace LogtoGenerated.AspNetCore;

/// <summary>
/// Policies for Logto's three permission models, one call each: scopes of a global API resource, permissions in an
/// organization (organization tokens), and scopes of an organization-level API resource; and machine or user callers.
/// </summary>
public static class LogtoAuthorizationPolicyBuilderExtensions
{
    /// <summary>
    /// Requires a token for the API resource (a global API resource: not an organization token, nor a token issued for
    /// an organization) with every one of <paramref name="scopes"/> in its <c>scope</c> claim. A caller without them
    /// gets <c>403</c> with <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="..."</c> (RFC 6750).
    /// </summary>
    /// <param name="builder">The policy.</param>
    /// <param name="scopes">The scopes of the API resource (Console &gt; API resources &gt; Permissions).</param>
    /// <returns>The same policy builder.</returns>
    public static AuthorizationPolicyBuilder RequireLogtoScopes(this AuthorizationPolicyBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new LogtoScopeRequirement(LogtoScopeRequirement.Check(scopes, nameof(scopes)), globalResourceOnly: true));
    }

    /// <summary>
    /// Requires an organization token (audience <c>urn:logto:organization:{id}</c>; set
    /// <c>AcceptOrganizationTokens</c>) for the organization named by the route value
    /// <paramref name="organizationRouteValue"/>, holding every one of <paramref name="permissions"/>. With
    /// <paramref name="organizationRouteValue"/> <see langword="null"/>, a token for any organization is accepted:
    /// read which with <c>User.GetLogtoOrganizationId()</c>.
    /// </summary>
    /// <param name="builder">The policy.</param>
    /// <param name="organizationRouteValue">The route value that names the organization, such as <c>organizationId</c> in <c>/organizations/{organizationId}/reports</c>.</param>
    /// <param name="permissions">Organization permissions (Console &gt; Organization template &gt; Permissions).</param>
    /// <returns>The same policy builder.</returns>
    public static AuthorizationPolicyBuilder RequireLogtoOrganizationToken(this AuthorizationPolicyBuilder builder, string? organizationRouteValue, params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRequirements(new LogtoOrganizationRequirement(LogtoOrganizationTokenKind.OrganizationToken, organizationRouteValue));
        string[] checkedPermissions = LogtoScopeRequirement.Check(permissions, nameof(permissions), allowEmpty: true);
        return checkedPermissions.Length == 0 ? builder : builder.AddRequirements(new LogtoScopeRequirement(checkedPermissions, globalResourceOnly: false));
    }

    /// <summary>
    /// Requires a token for this API resource issued for the organization named by the route value
    /// <paramref name="organizationRouteValue"/> (Logto's organization-level API resources: the audience is the
    /// resource and the claim <c>organization_id</c> names the organization), holding every one of
    /// <paramref name="scopes"/>. With <paramref name="organizationRouteValue"/> <see langword="null"/>, any
    /// organization is accepted: read which with <c>User.GetLogtoOrganizationId()</c>.
    /// </summary>
    /// <param name="builder">The policy.</param>
    /// <param name="organizationRouteValue">The route value that names the organization, or <see langword="null"/>.</param>
    /// <param name="scopes">The resource's scopes granted through the app's organization roles.</param>
    /// <returns>The same policy builder.</returns>
    public static AuthorizationPolicyBuilder RequireLogtoOrganizationResource(this AuthorizationPolicyBuilder builder, string? organizationRouteValue, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRequirements(new LogtoOrganizationRequirement(LogtoOrganizationTokenKind.OrganizationResource, organizationRouteValue));
        string[] checkedScopes = LogtoScopeRequirement.Check(scopes, nameof(scopes), allowEmpty: true);
        return checkedScopes.Length == 0 ? builder : builder.AddRequirements(new LogtoScopeRequirement(checkedScopes, globalResourceOnly: false));
    }

    /// <summary>Requires a machine-to-machine app as the caller (its token's <c>sub</c> is its <c>client_id</c>).</summary>
    /// <param name="builder">The policy.</param>
    /// <returns>The same policy builder.</returns>
    public static AuthorizationPolicyBuilder RequireLogtoMachine(this AuthorizationPolicyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new LogtoCallerRequirement(machine: true));
    }

    /// <summary>Requires a user as the caller (a token whose <c>sub</c> is a user id, not the app's client id).</summary>
    /// <param name="builder">The policy.</param>
    /// <returns>The same policy builder.</returns>
    public static AuthorizationPolicyBuilder RequireLogtoUser(this AuthorizationPolicyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddRequirements(new LogtoCallerRequirement(machine: false));
    }
}
