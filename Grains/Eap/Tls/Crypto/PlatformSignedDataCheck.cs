using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.X509;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// Checks the signature of an X.509 structure (a certificate, a CRL) on the platform (OpenSSL): ECDSA and RSA
/// PKCS #1 with SHA-1 or SHA-2, the outer and inner algorithm identifiers identical. Anything else is left to
/// BouncyCastle.
/// </summary>
internal static class PlatformSignedDataCheck
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

    // The signer's key in SubjectPublicKeyInfo form, per key object: a CA's key object is reused for every path.
    private static readonly ConditionalWeakTable<AsymmetricKeyParameter, byte[]> PublicKeyInfos = [];

    /// <summary>
    /// True when the platform could judge the signature (<paramref name="valid"/> is then its verdict); false when
    /// BouncyCastle must.
    /// </summary>
    public static bool TryVerify(
        AlgorithmIdentifier outerAlgorithm, AlgorithmIdentifier innerAlgorithm, Asn1Encodable signed, DerBitString signature, AsymmetricKeyParameter key, out bool valid)
    {
        valid = false;
        if (!outerAlgorithm.Equals(innerAlgorithm)
            || !Algorithms.TryGetValue(outerAlgorithm.Algorithm, out var scheme)
            || (scheme.Ecdsa ? key is not ECPublicKeyParameters : key is not RsaKeyParameters)
            || key.IsPrivate
            || signature.PadBits != 0)
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

        // BouncyCastle verifies over the DER encoding of the signed structure; so does this.
        var data = signed.GetEncoded(Asn1Encodable.Der);
        var octets = signature.GetOctets();
        valid = platformKey is ECDsa ecdsa
            ? ecdsa.VerifyData(data, octets, scheme.Hash, DSASignatureFormat.Rfc3279DerSequence)
            : ((RSA)platformKey).VerifyData(data, octets, scheme.Hash, RSASignaturePadding.Pkcs1);
        return true;
    }

    private static byte[] EncodePublicKey(AsymmetricKeyParameter key) =>
        SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetEncoded(Asn1Encodable.Der);
}
