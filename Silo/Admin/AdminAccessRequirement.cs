using Microsoft.AspNetCore.Authorization;

namespace Orleans.Radius.Silo.Admin;

/// <summary>The authorization requirement of the admin policy: the request passes <see cref="AdminAccessRule"/>.</summary>
internal sealed class AdminAccessRequirement : IAuthorizationRequirement;

/// <summary>
/// Decides <see cref="AdminAccessRequirement"/> from the request itself (peer address and Authorization
/// header), so no authentication scheme, cookie or data-protection key ring is involved.
/// </summary>
internal sealed class AdminAccessHandler(AdminAccessRule rule) : AuthorizationHandler<AdminAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminAccessRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var decision = rule.Decide(http.Connection.RemoteIpAddress, header.Length > 0 ? header : null);
        http.Items[typeof(AdminAccessDecision)] = decision;
        if (decision == AdminAccessDecision.Allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
