using System.Net;
using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// Who may use the admin endpoints: with <c>Admin:Token</c> configured, whoever presents it as a bearer
/// token (from anywhere, loopback included); without one, requests from loopback only.
/// </summary>
public sealed class AdminAccessRule(string? token)
{
    private readonly string? _token = string.IsNullOrEmpty(token) ? null : token;

    public bool HasToken => _token is not null;

    /// <summary>Decides a request from its peer address and its Authorization header.</summary>
    public AdminAccessDecision Decide(IPAddress? remote, string? authorization)
    {
        if (_token is null)
        {
            return remote is not null && IPAddress.IsLoopback(remote) ? AdminAccessDecision.Allowed : AdminAccessDecision.NotLoopback;
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AdminAccessDecision.MissingToken;
        }

        // One comparison for every bearer token of the hosts: hashed, then compared in fixed time.
        return BearerToken.Matches(authorization, _token) ? AdminAccessDecision.Allowed : AdminAccessDecision.WrongToken;
    }
}

/// <summary>The outcome of <see cref="AdminAccessRule.Decide"/>.</summary>
public enum AdminAccessDecision
{
    Allowed,

    /// <summary>A token is configured and the request has none (401).</summary>
    MissingToken,

    /// <summary>A token is configured and the request's differs (401).</summary>
    WrongToken,

    /// <summary>No token is configured and the request is not from loopback (403).</summary>
    NotLoopback,
}
