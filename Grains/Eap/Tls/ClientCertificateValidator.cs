using System.Globalization;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkix;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Store;
using Orleans.Radius.Grains.Eap.Tls.Crypto;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// Validates an EAP-TLS client certificate chain offline: a path to one of the configured CAs (BouncyCastle's
/// PKIX builder: signatures, validity of every certificate, CA constraints), the leaf fit for client
/// authentication, and, when a CRL file is configured, every certificate of the path checked against a current
/// CRL of its issuer (required for the leaf, used when present for intermediates, as OpenSSL's crl_check does).
/// </summary>
internal sealed class ClientCertificateValidator
{
    // Key usage bit 0 (RFC 5280 §4.2.1.3); both TLS 1.2 and 1.3 client authentication sign with the key.
    private const int DigitalSignature = 0;

    private readonly HashSet<TrustAnchor> _anchors;
    private readonly IReadOnlyList<X509Certificate> _cas;
    private readonly IReadOnlyList<X509Crl> _crls;

    public ClientCertificateValidator(EapTlsMaterial material)
    {
        _cas = material.ClientCas;
        _crls = material.Crls;
        _anchors = [.. material.ClientCas.Select(ca => new TrustAnchor(ca, null))];
        foreach (var ca in material.ClientCas)
        {
            // What the CAs signed (client certificates, intermediates, CRLs) is then checked by OpenSSL.
            PlatformSignedDataCheck.Register(ca.GetPublicKey());
        }
    }

    /// <summary>True when client certificates can be checked at all (a CA bundle is configured).</summary>
    public bool IsConfigured => _anchors.Count > 0;

    /// <summary>Checks the chain the peer sent (leaf first) at <paramref name="now"/>.</summary>
    public ClientCertificateCheck Validate(IReadOnlyList<byte[]> chain, DateTime now)
    {
        if (chain.Count == 0)
        {
            return ClientCertificateCheck.Refuse(string.Empty, "no client certificate", AlertDescription.certificate_required);
        }

        X509Certificate leaf;
        List<X509Certificate> sent;
        try
        {
            // Platform certificates: signatures by a configured CA are then checked by OpenSSL, not managed code.
            sent = [.. chain.Select(der => (X509Certificate)new PlatformX509Certificate(der))];
            leaf = sent[0];
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or CertificateException)
        {
            return ClientCertificateCheck.Refuse(string.Empty, "unreadable client certificate", AlertDescription.bad_certificate);
        }

        var subject = leaf.SubjectDN.ToString();
        if (now < leaf.NotBefore)
        {
            return ClientCertificateCheck.Refuse(subject, $"not valid before {Format(leaf.NotBefore)}", AlertDescription.bad_certificate);
        }

        if (now > leaf.NotAfter)
        {
            return ClientCertificateCheck.Refuse(subject, $"expired on {Format(leaf.NotAfter)}", AlertDescription.certificate_expired);
        }

        if (!IsConfigured)
        {
            return ClientCertificateCheck.Refuse(subject, "no client CA configured", AlertDescription.unknown_ca);
        }

        if (FitForClientAuth(leaf) is { } unfit)
        {
            return ClientCertificateCheck.Refuse(subject, unfit, AlertDescription.unsupported_certificate);
        }

        IList<X509Certificate> path;
        TrustAnchor anchor;
        try
        {
            var parameters = new PkixBuilderParameters(_anchors, new X509CertStoreSelector { Certificate = leaf })
            {
                Date = now,
                // Revocation is checked below with clearer reasons and the leaf-only requirement.
                IsRevocationEnabled = false,
                MaxPathLength = 8,
            };
            parameters.AddStoreCert(CollectionUtilities.CreateStore(sent.Concat(_cas)));
            var result = new PkixCertPathBuilder().Build(parameters);
            path = result.CertPath.Certificates;
            anchor = result.TrustAnchor;
        }
        catch (PkixCertPathBuilderException exception)
        {
            var reason = exception.InnerException?.Message ?? exception.Message;
            var alert = reason.Contains("expired", StringComparison.OrdinalIgnoreCase) ? AlertDescription.certificate_expired : AlertDescription.unknown_ca;
            return ClientCertificateCheck.Refuse(subject, $"no valid path to a configured CA: {reason}", alert);
        }

        if (_crls.Count > 0 && CheckRevocation(path, anchor.TrustedCert, now) is { } revoked)
        {
            return ClientCertificateCheck.Refuse(subject, revoked.Reason, revoked.Alert);
        }

        return ClientCertificateCheck.Accept(subject, CertificateIdentities.Of(leaf));
    }

    private static string? FitForClientAuth(X509Certificate leaf)
    {
        if (leaf.GetBasicConstraints() >= 0)
        {
            return "a CA certificate is not a client certificate";
        }

        if (leaf.GetKeyUsage() is { } usage && (usage.Length <= DigitalSignature || !usage[DigitalSignature]))
        {
            return "key usage lacks digitalSignature";
        }

        var extended = leaf.GetExtendedKeyUsage();
        if (extended is not null
            && !extended.Contains(KeyPurposeID.id_kp_clientAuth)
            && !extended.Contains(KeyPurposeID.AnyExtendedKeyUsage))
        {
            return "extended key usage lacks clientAuth";
        }

        return null;
    }

    private (string Reason, short Alert)? CheckRevocation(IList<X509Certificate> path, X509Certificate anchor, DateTime now)
    {
        for (var i = 0; i < path.Count; i++)
        {
            var certificate = path[i];
            var issuer = i + 1 < path.Count ? path[i + 1] : anchor;
            var found = false;
            foreach (var crl in _crls)
            {
                if (!crl.IssuerDN.Equivalent(certificate.IssuerDN))
                {
                    continue;
                }

                if (!crl.IsSignatureValid(issuer.GetPublicKey()))
                {
                    continue;
                }

                found = true;
                if (crl.NextUpdate is { } next && next < now)
                {
                    return ($"the CRL of {crl.IssuerDN} expired on {Format(next)}", AlertDescription.certificate_unknown);
                }

                if (crl.IsRevoked(certificate))
                {
                    return ($"{certificate.SubjectDN} (serial {certificate.SerialNumber.ToString(16)}) is revoked", AlertDescription.certificate_revoked);
                }
            }

            if (!found && i == 0)
            {
                return ($"no CRL of the issuer {certificate.IssuerDN} in the CRL file", AlertDescription.certificate_unknown);
            }
        }

        return null;
    }

    private static string Format(DateTime time) => time.ToString("u", CultureInfo.InvariantCulture);
}
