using LogtoGenerated.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace LogtoGenerated.AspNetCore.Authorization;

/// <summary>The caller must be a machine-to-machine app, or a user.</summary>
internal sealed class LogtoCallerRequirement : AuthorizationHandler<LogtoCallerRequirement>, IAuthorizationRequirement
{
    public LogtoCallerRequirement(bool machine) => Machine = machine;

    public bool Machine { get; }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, LogtoCallerRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }

        if (context.User.IsLogtoMachine() == requirement.Machine)
        {
            context.Succeed(requirement);
        }
        else
        {
            string refusal = requirement.Machine
                ? "This request is for machine-to-machine apps; the token acts for a user."
                : "This request is for users; the token belongs to a machine-to-machine app.";
            LogtoAuthenticationErrors.RecordForbidden(context.Resource as HttpContext, refusal, scopes: null);
            context.Fail(new AuthorizationFailureReason(this, refusal));
        }

        return Task.CompletedTask;
    }
}
