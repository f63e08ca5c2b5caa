using LogtoGenerated.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LogtoGenerated.AspNetCore.Authorization;

/// <summary>
/// Every one of the scopes must be in the token's <c>scope</c> claim; a caller without them gets 403 insufficient_scope.
/// For a global API resource (<see cref="GlobalResourceOnly"/>), organization tokens and tokens issued for an organization
/// are refused too: their scopes come from organization roles and grant nothing outside that organization.
/// </summary>
internal sealed class LogtoScopeRequirement : AuthorizationHandler<LogtoScopeRequirement>, IAuthorizationRequirement
{
    private readonly string[] _scopes;

    public LogtoScopeRequirement(string[] scopes, bool globalResourceOnly)
    {
        _scopes = scopes;
        GlobalResourceOnly = globalResourceOnly;
    }

    public IReadOnlyList<string> Scopes => _scopes;

    public bool GlobalResourceOnly { get; }

    public static string[] Check(string[]? scopes, string parameterName, bool allowEmpty = false)
    {
        if (scopes is null || (!allowEmpty && scopes.Length == 0))
        {
            throw new ArgumentException("Name at least one scope, such as \"read:orders\".", parameterName);
        }

        foreach (string scope in scopes)
        {
            if (string.IsNullOrWhiteSpace(scope) || scope.Any(char.IsWhiteSpace))
            {
                throw new ArgumentException($"'{scope}' is not a scope: a scope is one word without spaces, such as \"read:orders\".", parameterName);
            }
        }

        return [.. scopes];
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LogtoScopeRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (requirement.GlobalResourceOnly && context.User.GetLogtoOrganizationId() is not null)
        {
            const string refusal = "The token was issued for an organization; this request needs a token for the API resource itself (request it without organization_id).";
            LogtoAuthenticationErrors.RecordForbidden(context.Resource as HttpContext, refusal, requirement.Scopes);
            context.Fail(new AuthorizationFailureReason(this, refusal));
            return Task.CompletedTask;
        }

        if (context.User.HasLogtoScopes(requirement._scopes))
        {
            context.Succeed(requirement);
        }
        else
        {
            string[] missing = requirement.Scopes.Where(scope => !LogtoClaimsPrincipalExtensions.HasScope(context.User, scope)).ToArray();
            LogtoAuthenticationErrors.RecordForbidden(
                context.Resource as HttpContext,
                $"The token lacks the scope(s) {string.Join(' ', missing)}: grant them to the caller's role in Logto and get a new token.",
                requirement.Scopes);
            context.Fail(new AuthorizationFailureReason(this, $"The token lacks the scope(s) {string.Join(' ', missing)}."));
        }

        return Task.CompletedTask;
    }
}
