using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>Maps BouncyCastle's TLS hash codes to .NET's hash names; null for a hash .NET cannot sign with.</summary>
internal static class PlatformHashNames
{
    /// <summary>For a <c>CryptoHashAlgorithm</c> code, as signature schemes name their hash.</summary>
    public static HashAlgorithmName? FromCryptoHash(int hash) => hash switch
    {
        CryptoHashAlgorithm.sha1 => HashAlgorithmName.SHA1,
        CryptoHashAlgorithm.sha256 => HashAlgorithmName.SHA256,
        CryptoHashAlgorithm.sha384 => HashAlgorithmName.SHA384,
        CryptoHashAlgorithm.sha512 => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>The hash of a signature scheme, or null when .NET has none for it (or the scheme names none).</summary>
    public static HashAlgorithmName? FromScheme(int signatureScheme)
    {
        var hash = SignatureScheme.GetCryptoHashAlgorithm(signatureScheme);
        return hash < 0 ? null : FromCryptoHash(hash);
    }
}
