namespace Orleans.Radius.Grains.Eap;

/// <summary>
/// Anonymous NAIs (RFC 7542 §2.4): an EAP identity that names a realm at most, such as <c>@example.org</c>,
/// <c>anonymous</c> or <c>anonymous@example.org</c>. Peers send one where the real identity travels protected
/// inside TLS: the outer identity of PEAP and TTLS, and for EAP-TLS 1.3 (RFC 9190, "Privacy") the client certificate.
/// </summary>
internal static class AnonymousIdentity
{
    private const string Anonymous = "anonymous";

    /// <summary>True when <paramref name="identity"/> names no user.</summary>
    public static bool Is(string identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var at = identity.IndexOf('@', StringComparison.Ordinal);
        var user = at < 0 ? identity : identity[..at];
        return user.Length == 0 || string.Equals(user, Anonymous, StringComparison.OrdinalIgnoreCase);
    }
}
