using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// Answers a refused admin request itself: 401 with <c>WWW-Authenticate: Bearer</c> for a missing or wrong
/// token, 403 for a non-loopback caller when no token is configured. Other policies go to the default handler.
/// </summary>
internal sealed class AdminAccessResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !policy.Requirements.OfType<AdminAccessRequirement>().Any())
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }

        if (context.Items[typeof(AdminAccessDecision)] is AdminAccessDecision.NotLoopback)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
