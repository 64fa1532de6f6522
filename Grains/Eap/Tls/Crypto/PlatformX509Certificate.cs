using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// A BouncyCastle certificate whose own signature is checked by the platform (OpenSSL), so that BouncyCastle's PKIX
/// path building and validation, which call <see cref="Verify(AsymmetricKeyParameter)"/> for every link of the path,
/// stop spending managed EC or RSA arithmetic on it. Signatures the platform path does not cover (RSA-PSS, SHA-224,
/// unusual parameters) are checked by BouncyCastle as before; a bad signature fails with BouncyCastle's own exception.
/// </summary>
internal sealed class PlatformX509Certificate(byte[] encoding) : X509Certificate(encoding)
{
    private static readonly Dictionary<DerObjectIdentifier, (HashAlgorithmName Hash, bool Ecdsa)> Algorithms = new()
    {
        [X9ObjectIdentifiers.ECDsaWithSha1] = (HashAlgorithmName.SHA1, true),
        [X9ObjectIdentifiers.ECDsaWithSha256] = (HashAlgorithmName.SHA256, true),
        [X9ObjectIdentifiers.ECDsaWithSha384] = (HashAlgorithmName.SHA384, true),
        [X9ObjectIdentifiers.ECDsaWithSha512] = (HashAlgorithmName.SHA512, true),
        [PkcsObjectIdentifiers.Sha1WithRsaEncryption] = (HashAlgorithmName.SHA1, false),
        [PkcsObjectIdentifiers.Sha256WithRsaEncryption] = (HashAlgorithmName.SHA256, false),
        [PkcsObjectIdentifiers.Sha384WithRsaEncryption] = (HashAlgorithmName.SHA384, false),
        [PkcsObjectIdentifiers.Sha512WithRsaEncryption] = (HashAlgorithmName.SHA512, false),
    };

    // The issuer's key in SubjectPublicKeyInfo form, per key object: a CA's key object is reused for every path.
    private static readonly ConditionalWeakTable<AsymmetricKeyParameter, byte[]> PublicKeyInfos = [];

    public override void Verify(AsymmetricKeyParameter key)
    {
        if (!TryVerifyOnPlatform(key, out var valid))
        {
            base.Verify(key);
        }
        else if (!valid)
        {
            throw new InvalidKeyException("Public key presented not for certificate signature");
        }
    }

    public override bool IsSignatureValid(AsymmetricKeyParameter key) =>
        TryVerifyOnPlatform(key, out var valid) ? valid : base.IsSignatureValid(key);

    private bool TryVerifyOnPlatform(AsymmetricKeyParameter key, out bool valid)
    {
        valid = false;
        var structure = CertificateStructure;
        var algorithm = structure.SignatureAlgorithm;
        // Identical outer and inner algorithm identifiers only; BouncyCastle judges any other pair itself.
        if (!algorithm.Equals(structure.TbsCertificate.Signature)
            || !Algorithms.TryGetValue(algorithm.Algorithm, out var scheme)
            || (scheme.Ecdsa ? key is not ECPublicKeyParameters : key is not RsaKeyParameters)
            || key.IsPrivate
            || structure.Signature.PadBits != 0)
        {
            return false;
        }

        using AsymmetricAlgorithm platformKey = scheme.Ecdsa ? ECDsa.Create() : RSA.Create();
        try
        {
            platformKey.ImportSubjectPublicKeyInfo(PublicKeyInfos.GetValue(key, EncodePublicKey), out _);
        }
        catch (CryptographicException)
        {
            return false;
        }

        // BouncyCastle signs and verifies the DER encoding of the TBS structure; so does this.
        var signed = structure.TbsCertificate.GetEncoded(Asn1Encodable.Der);
        var signature = structure.Signature.GetOctets();
        valid = platformKey is ECDsa ecdsa
            ? ecdsa.VerifyData(signed, signature, scheme.Hash, DSASignatureFormat.Rfc3279DerSequence)
            : ((RSA)platformKey).VerifyData(signed, signature, scheme.Hash, RSASignaturePadding.Pkcs1);
        return true;
    }

    private static byte[] EncodePublicKey(AsymmetricKeyParameter key) =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetEncoded(Asn1Encodable.Der);
}
