using System.Security.Cryptography;
using System.Text;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Checks an <c>Authorization: Bearer</c> header against a configured token in constant time.</summary>
public static class BearerToken
{
    private const string Scheme = "Bearer ";

    public static bool Matches(HttpContext context, string expected)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Matches(context.Request.Headers.Authorization.ToString(), expected);
    }

    /// <summary>Whether an Authorization header value carries <paramref name="expected"/> as its bearer token.</summary>
    public static bool Matches(string? header, string expected)
    {
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing both sides first makes the comparison independent of the presented length too.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(presented, wanted);
    }
}
