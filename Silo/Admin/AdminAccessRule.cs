using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Radius.Silo.Admin;

/// <summary>
/// Who may use the admin endpoints: with <c>Admin:Token</c> configured, whoever presents it as a bearer
/// token (from anywhere, loopback included); without one, requests from loopback only.
/// </summary>
public sealed class AdminAccessRule
{
    private readonly byte[]? _tokenHash;

    public AdminAccessRule(string? token)
    {
        // Compared as SHA-256 digests: equal lengths, so a fixed-time compare leaks not even the token's length.
        _tokenHash = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public bool HasToken => _tokenHash is not null;

    /// <summary>Decides a request from its peer address and its Authorization header.</summary>
    public AdminAccessDecision Decide(IPAddress? remote, string? authorization)
    {
        if (_tokenHash is null)
        {
            return remote is not null && IPAddress.IsLoopback(remote) ? AdminAccessDecision.Allowed : AdminAccessDecision.NotLoopback;
        }

        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return AdminAccessDecision.MissingToken;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _tokenHash) ? AdminAccessDecision.Allowed : AdminAccessDecision.WrongToken;
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
