namespace LogtoGenerated.AspNetCore;

/// <summary>The claim types of Logto's access tokens.</summary>
public static class LogtoClaimTypes
{
    /// <summary><c>sub</c>: the user id, or for a machine-to-machine app the app's id (its client id).</summary>
    public const string Subject = "sub";

    /// <summary><c>client_id</c>: the application the token was issued to.</summary>
    public const string ClientId = "client_id";

    /// <summary><c>scope</c>: the granted scopes (or organization permissions), separated by spaces.</summary>
    public const string Scope = "scope";

    /// <summary><c>aud</c>: the API resource, or <c>urn:logto:organization:{id}</c> for an organization token.</summary>
    public const string Audience = "aud";

    /// <summary><c>organization_id</c>: the organization of a token for an organization-level API resource.</summary>
    public const string OrganizationId = "organization_id";

    /// <summary><c>roles</c>: role names, when a custom token claim adds them.</summary>
    public const string Roles = "roles";
}
