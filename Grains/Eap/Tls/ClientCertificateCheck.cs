using Org.BouncyCastle.Tls;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>The verdict on a client certificate chain: the reason is safe to log (names and dates, no secrets).</summary>
/// <param name="Accepted">True when the chain is trusted, valid now, fit for client authentication and not revoked.</param>
/// <param name="Subject">The leaf's subject, for the log.</param>
/// <param name="Reason">Why it was refused (empty when accepted).</param>
/// <param name="Alert">The TLS alert the peer gets when refused (RFC 8446 §6.2).</param>
internal sealed record ClientCertificateCheck(bool Accepted, string Subject, string Reason, short Alert)
{
    /// <summary>Accepted: the names the certificate vouches for (see <see cref="CertificateIdentities"/>).</summary>
    public IReadOnlyList<string> Identities { get; init; } = [];

    public static ClientCertificateCheck Accept(string subject, IReadOnlyList<string> identities) =>
        new(true, subject, string.Empty, 0) { Identities = identities };

    public static ClientCertificateCheck Refuse(string subject, string reason, short alert = AlertDescription.bad_certificate) =>
        new(false, subject, reason, alert);
}
