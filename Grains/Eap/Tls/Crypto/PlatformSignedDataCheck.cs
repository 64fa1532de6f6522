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
/// Checks the signature of an X.509 structure (a certificate, a CRL) on the platform (OpenSSL) when it was made with
/// a registered key (a configured CA's): ECDSA and RSA PKCS #1 with SHA-1 or SHA-2, the outer and inner algorithm
/// identifiers identical. Anything else is left to BouncyCastle, which is also faster for a key seen only once (OpenSSL 3
/// spends more on importing a key than on a verification).
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

    // Per BouncyCastle key object: a CA certificate hands out the same key object for every path.
    private static readonly ConditionalWeakTable<AsymmetricKeyParameter, PlatformVerifyingKey> Registered = [];

    /// <summary>Loads <paramref name="key"/> into the platform for the checks of what it signed; no-op for other key types.</summary>
    public static void Register(AsymmetricKeyParameter key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.IsPrivate || key is not (ECPublicKeyParameters or RsaKeyParameters))
        {
            return;
        }

        var info = SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(key).GetEncoded(Asn1Encodable.Der);
        if (PlatformVerifyingKey.TryLoad(info, key is ECPublicKeyParameters) is { } loaded)
        {
            Registered.AddOrUpdate(key, loaded);
        }
    }

    /// <summary>
    /// True when the platform could judge the signature (<paramref name="valid"/> is then its verdict); false when
    /// BouncyCastle must.
    /// </summary>
    public static bool TryVerify(
        AlgorithmIdentifier outerAlgorithm, AlgorithmIdentifier innerAlgorithm, Asn1Encodable signed, DerBitString signature, AsymmetricKeyParameter key, out bool valid)
    {
        valid = false;
        if (!Registered.TryGetValue(key, out var platformKey)
            || !outerAlgorithm.Equals(innerAlgorithm)
            || !Algorithms.TryGetValue(outerAlgorithm.Algorithm, out var scheme)
            || (scheme.Ecdsa ? key is not ECPublicKeyParameters : key is not RsaKeyParameters)
            || signature.PadBits != 0)
        {
            return false;
        }

        // BouncyCastle verifies over the DER encoding of the signed structure; so does this.
        valid = platformKey.VerifyData(signed.GetEncoded(Asn1Encodable.Der), signature.GetOctets(), scheme.Hash);
        return true;
    }
}
