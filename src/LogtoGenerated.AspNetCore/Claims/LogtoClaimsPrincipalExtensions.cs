using System.Security.Claims;

namespace LogtoGenerated.AspNetCore;

/// <summary>
/// Typed access to the claims of a Logto access token, on the <see cref="ClaimsPrincipal"/> that
/// <c>AddLogtoJwtBearer</c> makes (<c>HttpContext.User</c>).
/// </summary>
public static class LogtoClaimsPrincipalExtensions
{
    /// <summary>The application the token was issued to (<c>client_id</c>), or <see langword="null"/>.</summary>
    /// <param name="principal">The caller.</param>
    public static string? GetLogtoClientId(this ClaimsPrincipal principal)
        => Required(principal).FindFirst(LogtoClaimTypes.ClientId)?.Value;

    /// <summary>
    /// The user the token acts for (<c>sub</c>), or <see langword="null"/> for a machine-to-machine app, whose
    /// tokens carry its own id as <c>sub</c>.
    /// </summary>
    /// <param name="principal">The caller.</param>
    public static string? GetLogtoUserId(this ClaimsPrincipal principal)
        => principal.IsLogtoMachine() ? null : principal.FindFirst(LogtoClaimTypes.Subject)?.Value;

    /// <summary>
    /// Whether the caller is a machine-to-machine app (its token's <c>sub</c> is its <c>client_id</c>) rather than
    /// a user.
    /// </summary>
    /// <param name="principal">The caller.</param>
    public static bool IsLogtoMachine(this ClaimsPrincipal principal)
    {
        string? subject = Required(principal).FindFirst(LogtoClaimTypes.Subject)?.Value;
        return subject is not null && subject == principal.FindFirst(LogtoClaimTypes.ClientId)?.Value;
    }

    /// <summary>
    /// The organization the token is for: from the audience <c>urn:logto:organization:{id}</c> of an organization
    /// token, or the <c>organization_id</c> claim of a token for an organization-level API resource; otherwise
    /// <see langword="null"/>.
    /// </summary>
    /// <param name="principal">The caller.</param>
    public static string? GetLogtoOrganizationId(this ClaimsPrincipal principal)
    {
        string? organizationClaim = null;
        foreach (ClaimsIdentity identity in Required(principal).Identities)
        {
            foreach (Claim claim in identity.Claims)
            {
                if (claim.Type == LogtoClaimTypes.Audience
                    && claim.Value.StartsWith(LogtoJwtBearerOptions.OrganizationAudiencePrefix, StringComparison.Ordinal)
                    && claim.Value.Length > LogtoJwtBearerOptions.OrganizationAudiencePrefix.Length)
                {
                    return claim.Value[LogtoJwtBearerOptions.OrganizationAudiencePrefix.Length..];
                }

                if (claim.Type == LogtoClaimTypes.OrganizationId)
                {
                    organizationClaim ??= claim.Value;
                }
            }
        }

        return organizationClaim;
    }

    /// <summary>Whether the token is an organization token (audience <c>urn:logto:organization:{id}</c>).</summary>
    /// <param name="principal">The caller.</param>
    public static bool IsLogtoOrganizationToken(this ClaimsPrincipal principal)
        => Required(principal).FindAll(LogtoClaimTypes.Audience)
            .Any(audience => audience.Value.StartsWith(LogtoJwtBearerOptions.OrganizationAudiencePrefix, StringComparison.Ordinal));

    /// <summary>The granted scopes (for an organization token, the organization permissions): the <c>scope</c> claim, split.</summary>
    /// <param name="principal">The caller.</param>
    public static IReadOnlySet<string> GetLogtoScopes(this ClaimsPrincipal principal)
    {
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (Claim claim in Required(principal).FindAll(LogtoClaimTypes.Scope))
        {
            foreach (string scope in claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                scopes.Add(scope);
            }
        }

        return scopes;
    }

    /// <summary>Whether every one of <paramref name="scopes"/> was granted.</summary>
    /// <param name="principal">The caller.</param>
    /// <param name="scopes">The scopes (or organization permissions) to look for.</param>
    public static bool HasLogtoScopes(this ClaimsPrincipal principal, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        Required(principal);
        foreach (string scope in scopes)
        {
            if (!HasScope(principal, scope))
            {
                return false;
            }
        }

        return true;
    }

    // Looks for one scope among the space-separated words of the scope claims, without allocating.
    internal static bool HasScope(ClaimsPrincipal principal, string scope)
    {
        foreach (ClaimsIdentity identity in principal.Identities)
        {
            foreach (Claim claim in identity.Claims)
            {
                if (claim.Type != LogtoClaimTypes.Scope)
                {
                    continue;
                }

                ReadOnlySpan<char> rest = claim.Value;
                while (!rest.IsEmpty)
                {
                    int space = rest.IndexOf(' ');
                    ReadOnlySpan<char> word = space < 0 ? rest : rest[..space];
                    if (word.SequenceEqual(scope))
                    {
                        return true;
                    }

                    rest = space < 0 ? default : rest[(space + 1)..];
                }
            }
        }

        return false;
    }

    private static ClaimsPrincipal Required(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal;
    }
}
