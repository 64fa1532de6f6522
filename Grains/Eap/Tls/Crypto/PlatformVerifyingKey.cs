using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// A public key loaded into the platform once and kept: importing a key costs OpenSSL 3 more than a verification, so
/// only long-lived keys (the configured CAs) are worth it. Each check borrows one of a few copies, because .NET does
/// not promise that one key object verifies safely on several threads at once.
/// </summary>
internal sealed class PlatformVerifyingKey
{
    private readonly byte[] _subjectPublicKeyInfo;
    private readonly bool _ecdsa;
    private readonly ConcurrentBag<AsymmetricAlgorithm> _copies = [];

    private PlatformVerifyingKey(byte[] subjectPublicKeyInfo, AsymmetricAlgorithm first)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        _ecdsa = first is ECDsa;
        _copies.Add(first);
    }

    /// <summary>The key of <paramref name="subjectPublicKeyInfo"/>, or null when it is neither ECDSA nor RSA or the platform refuses it.</summary>
    public static PlatformVerifyingKey? TryLoad(byte[] subjectPublicKeyInfo, bool ecdsa)
    {
        var key = Import(subjectPublicKeyInfo, ecdsa);
        return key is null ? null : new PlatformVerifyingKey(subjectPublicKeyInfo, key);
    }

    /// <summary>Checks an ECDSA (DER) or RSA PKCS #1 v1.5 signature over <paramref name="data"/>.</summary>
    public bool VerifyData(byte[] data, byte[] signature, HashAlgorithmName hash)
    {
        if (!_copies.TryTake(out var copy))
        {
            // The key imported before, so it imports again.
            copy = Import(_subjectPublicKeyInfo, _ecdsa)!;
        }

        try
        {
            return copy is ECDsa ecdsa
                ? ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence)
                : ((RSA)copy).VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
        }
        finally
        {
            _copies.Add(copy);
        }
    }

    private static AsymmetricAlgorithm? Import(byte[] subjectPublicKeyInfo, bool ecdsa)
    {
        AsymmetricAlgorithm key = ecdsa ? ECDsa.Create() : RSA.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out _);
            return key;
        }
        catch (CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }
}
