using Org.BouncyCastle.Tls;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>Picks the signature scheme for the server's key among those the peer offered (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1).</summary>
internal static class EapTlsSignatureSchemes
{
    private static readonly SignatureAndHashAlgorithm RsaSha256 = new(HashAlgorithm.sha256, SignatureAlgorithm.rsa);
    private static readonly SignatureAndHashAlgorithm RsaSha384 = new(HashAlgorithm.sha384, SignatureAlgorithm.rsa);
    private static readonly SignatureAndHashAlgorithm RsaSha512 = new(HashAlgorithm.sha512, SignatureAlgorithm.rsa);
    private static readonly SignatureAndHashAlgorithm RsaSha1 = new(HashAlgorithm.sha1, SignatureAlgorithm.rsa);
    private static readonly SignatureAndHashAlgorithm EcdsaSha256 = new(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
    private static readonly SignatureAndHashAlgorithm EcdsaSha384 = new(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa);
    private static readonly SignatureAndHashAlgorithm EcdsaSha512 = new(HashAlgorithm.sha512, SignatureAlgorithm.ecdsa);
    private static readonly SignatureAndHashAlgorithm EcdsaSha1 = new(HashAlgorithm.sha1, SignatureAlgorithm.ecdsa);

    // TLS 1.3 signs RSA with PSS only and binds each ECDSA scheme to its curve.
    private static readonly SignatureAndHashAlgorithm[] RsaTls13 =
        [SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384, SignatureAndHashAlgorithm.rsa_pss_rsae_sha512];

    private static readonly SignatureAndHashAlgorithm[] RsaTls12 =
        [SignatureAndHashAlgorithm.rsa_pss_rsae_sha256, RsaSha256, RsaSha384, RsaSha512, SignatureAndHashAlgorithm.rsa_pss_rsae_sha384, SignatureAndHashAlgorithm.rsa_pss_rsae_sha512, RsaSha1];

    private static readonly SignatureAndHashAlgorithm[] EcdsaTls12 = [EcdsaSha256, EcdsaSha384, EcdsaSha512, EcdsaSha1];

    /// <summary>
    /// The first scheme of ours (in our preference) the peer offered; null when none. A TLS 1.2 peer that sent no
    /// signature_algorithms gets SHA-1 with the key's algorithm (RFC 5246 §7.4.1.4.1).
    /// </summary>
    public static SignatureAndHashAlgorithm? Choose(EapTlsKeyKind key, bool tls13, IList<SignatureAndHashAlgorithm>? offered)
    {
        var ours = (key, tls13) switch
        {
            (EapTlsKeyKind.Rsa, true) => RsaTls13,
            (EapTlsKeyKind.Rsa, false) => RsaTls12,
            (EapTlsKeyKind.EcdsaP256, true) => [EcdsaSha256],
            (EapTlsKeyKind.EcdsaP384, true) => [EcdsaSha384],
            (EapTlsKeyKind.EcdsaP521, true) => [EcdsaSha512],
            _ => EcdsaTls12,
        };
        if (offered is null)
        {
            return tls13 ? null : key == EapTlsKeyKind.Rsa ? RsaSha1 : EcdsaSha1;
        }

        return ours.FirstOrDefault(candidate => offered.Any(scheme => scheme.Hash == candidate.Hash && scheme.Signature == candidate.Signature));
    }
}
