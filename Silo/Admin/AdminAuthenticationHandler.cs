using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// The admin scheme: authenticates a request that <see cref="AdminAccessRule"/> allows, answers 401 with
/// <c>WWW-Authenticate: Bearer</c> for a missing or wrong token, and 403 for a non-loopback caller when no
/// token is configured.
/// </summary>
internal sealed class AdminAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AdminAccessRule rule)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly ClaimsPrincipal Administrator =
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin")], AdminAccess.Scheme));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var decision = rule.Decide(Context.Connection.RemoteIpAddress, Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null);
        Context.Items[typeof(AdminAccessDecision)] = decision;
        return Task.FromResult(decision == AdminAccessDecision.Allowed
            ? AuthenticateResult.Success(new AuthenticationTicket(Administrator, AdminAccess.Scheme))
            : AuthenticateResult.NoResult());
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[typeof(AdminAccessDecision)] is AdminAccessDecision.NotLoopback)
        {
            return HandleForbiddenAsync(properties);
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
