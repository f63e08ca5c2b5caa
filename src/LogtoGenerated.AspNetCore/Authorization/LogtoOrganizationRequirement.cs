using LogtoGenerated.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LogtoGenerated.AspNetCore.Authorization;

/// <summary>Which organization tokens a <see cref="LogtoOrganizationRequirement"/> takes.</summary>
internal enum LogtoOrganizationTokenKind
{
    /// <summary>Audience <c>urn:logto:organization:{id}</c>.</summary>
    OrganizationToken,

    /// <summary>Audience the API resource, claim <c>organization_id</c>.</summary>
    OrganizationResource,
}

/// <summary>The token must be for an organization (the one a route value names, when given).</summary>
internal sealed class LogtoOrganizationRequirement : AuthorizationHandler<LogtoOrganizationRequirement>, IAuthorizationRequirement
{
    public LogtoOrganizationRequirement(LogtoOrganizationTokenKind kind, string? routeValue)
    {
        if (routeValue is not null && string.IsNullOrWhiteSpace(routeValue))
        {
            throw new ArgumentException("Name the route value that holds the organization id, such as \"organizationId\", or pass null to accept any organization.", nameof(routeValue));
        }

        Kind = kind;
        RouteValue = routeValue;
    }

    public LogtoOrganizationTokenKind Kind { get; }

    public string? RouteValue { get; }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LogtoOrganizationRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        var httpContext = context.Resource as HttpContext;
        bool organizationToken = context.User.IsLogtoOrganizationToken();
        string? organization = context.User.GetLogtoOrganizationId();
        string? refusal = (requirement.Kind, organizationToken, organization) switch
        {
            (LogtoOrganizationTokenKind.OrganizationToken, false, _) =>
                "This request needs an organization token (audience urn:logto:organization:<id>): request the token with organization_id and no resource.",
            (LogtoOrganizationTokenKind.OrganizationResource, true, _) or (LogtoOrganizationTokenKind.OrganizationResource, false, null) =>
                "This request needs a token for this API resource issued for an organization: request the token with both resource and organization_id.",
            _ => null,
        };

        if (refusal is null && requirement.RouteValue is not null)
        {
            string? wanted = httpContext?.Request.RouteValues[requirement.RouteValue]?.ToString();
            if (string.IsNullOrEmpty(wanted))
            {
                refusal = $"The route has no value '{requirement.RouteValue}' naming the organization.";
            }
            else if (!string.Equals(wanted, organization, StringComparison.Ordinal))
            {
                refusal = "The token is for another organization than the one this request names.";
            }
        }

        if (refusal is null)
        {
            context.Succeed(requirement);
        }
        else
        {
            LogtoAuthenticationErrors.RecordForbidden(httpContext, refusal, scopes: null);
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }

        return Task.CompletedTask;
    }
}
