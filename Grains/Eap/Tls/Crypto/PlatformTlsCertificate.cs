using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// A peer's X.509 certificate whose ECDSA and RSA signatures are checked by the platform (OpenSSL) instead of
/// BouncyCastle's managed arithmetic. Every other check (key usage, RSA key flavour, algorithms the platform path does
/// not cover) stays BouncyCastle's, so the outcomes and alerts are the same.
/// </summary>
internal sealed class PlatformTlsCertificate : BcTlsCertificate
{
    private readonly Lazy<AsymmetricAlgorithm?> _platformKey;
    private AsymmetricKeyParameter? _publicKey;

    public PlatformTlsCertificate(BcTlsCrypto crypto, byte[] encoding)
        : base(crypto, encoding)
    {
        _platformKey = new Lazy<AsymmetricAlgorithm?>(ImportPlatformKey);
    }

    public override TlsVerifier CreateVerifier(short signatureAlgorithm)
    {
        var key = _platformKey.Value;
        var covered = (key, signatureAlgorithm) switch
        {
            (ECDsa, SignatureAlgorithm.ecdsa) => true,
            (RSA, SignatureAlgorithm.rsa or SignatureAlgorithm.rsa_pss_rsae_sha256 or SignatureAlgorithm.rsa_pss_rsae_sha384 or SignatureAlgorithm.rsa_pss_rsae_sha512) => true,
            _ => false,
        };
        if (!covered)
        {
            return base.CreateVerifier(signatureAlgorithm);
        }

        // The same checks, in the same order, as BouncyCastle's own CreateVerifier.
        ValidateKeyUsage(KeyUsage.DigitalSignature);
        if (signatureAlgorithm == SignatureAlgorithm.rsa)
        {
            ValidateRsa_Pkcs1();
        }
        else if (key is RSA)
        {
            ValidateRsa_Pss_Rsae();
        }

        return new PlatformTlsVerifier(key!, signatureAlgorithm, () => base.CreateVerifier(signatureAlgorithm));
    }

    public override Tls13Verifier CreateVerifier(int signatureScheme)
    {
        var key = _platformKey.Value;
        if (key is null || !PlatformSignatureScheme.TryGet(key, signatureScheme, out var scheme))
        {
            return base.CreateVerifier(signatureScheme);
        }

        ValidateKeyUsage(KeyUsage.DigitalSignature);
        if (scheme.Padding == RSASignaturePadding.Pkcs1)
        {
            ValidateRsa_Pkcs1();
        }
        else if (scheme.Padding == RSASignaturePadding.Pss)
        {
            ValidateRsa_Pss_Rsae();
        }

        return new PlatformTls13Verifier(key, scheme);
    }

    // BouncyCastle parses the key again on every call, and for RSA that includes primality tests of the modulus.
    protected override AsymmetricKeyParameter GetPublicKey() => _publicKey ??= base.GetPublicKey();

    private AsymmetricAlgorithm? ImportPlatformKey()
    {
        var algorithm = m_keyInfo.Algorithm.Algorithm;
        AsymmetricAlgorithm? key = algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey) ? ECDsa.Create()
            : algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption) ? RSA.Create()
            : null;
        if (key is null)
        {
            return null;
        }

        try
        {
            key.ImportSubjectPublicKeyInfo(m_keyInfo.GetEncoded(Asn1Encodable.Der), out _);
            return key;
        }
        catch (CryptographicException)
        {
            // A curve or key the platform cannot load: BouncyCastle's verifiers handle (or refuse) it as before.
            key.Dispose();
            return null;
        }
    }
}
