using System.Security.Cryptography;
using Org.BouncyCastle.Tls;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// How the platform signs one TLS signature scheme with the server's key: the hash, and for RSA the padding
/// (PKCS #1 v1.5, or PSS with a salt as long as the hash, as RFC 8446 §4.2.3 requires).
/// </summary>
internal readonly record struct PlatformSignatureScheme(HashAlgorithmName Hash, RSASignaturePadding? Padding)
{
    /// <summary>
    /// The platform's way for <paramref name="signatureScheme"/> with <paramref name="key"/>: ECDSA with an EC key, RSA
    /// PKCS #1 v1.5 or rsa_pss_rsae with an RSA key, each with SHA-1 or SHA-2 (not SHA-224). False for anything else.
    /// </summary>
    public static bool TryGet(AsymmetricAlgorithm key, int signatureScheme, out PlatformSignatureScheme scheme)
    {
        scheme = default;
        if (PlatformHashNames.FromScheme(signatureScheme) is not { } hash)
        {
            return false;
        }

        switch (key, SignatureScheme.GetSignatureAlgorithm(signatureScheme))
        {
            case (ECDsa, SignatureAlgorithm.ecdsa):
                scheme = new PlatformSignatureScheme(hash, null);
                return true;
            case (RSA, SignatureAlgorithm.rsa):
                scheme = new PlatformSignatureScheme(hash, RSASignaturePadding.Pkcs1);
                return true;
            case (RSA, SignatureAlgorithm.rsa_pss_rsae_sha256 or SignatureAlgorithm.rsa_pss_rsae_sha384 or SignatureAlgorithm.rsa_pss_rsae_sha512):
                scheme = new PlatformSignatureScheme(hash, RSASignaturePadding.Pss);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Signs a hash BouncyCastle computed; DER for ECDSA, as TLS carries it (RFC 8422 §5.4).</summary>
    public byte[] SignHash(AsymmetricAlgorithm key, byte[] hash) => key switch
    {
        ECDsa ecdsa => ecdsa.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence),
        RSA rsa => rsa.SignHash(hash, Hash, Padding!),
        _ => throw new ArgumentException("neither ECDSA nor RSA", nameof(key)),
    };
}
