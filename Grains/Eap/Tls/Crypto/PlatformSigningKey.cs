using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// The server's private key on the platform, loaded once and shared by every conversation. .NET does not promise
/// that one key object signs safely on several threads at once, so each signature borrows one of a few copies
/// (about one per thread that signs at the same moment).
/// </summary>
internal sealed class PlatformSigningKey : IDisposable
{
    private readonly AsymmetricAlgorithm _original;
    private readonly ConcurrentBag<AsymmetricAlgorithm> _copies = [];

    /// <summary>Takes ownership of <paramref name="key"/>, an <see cref="ECDsa"/> or <see cref="RSA"/> private key.</summary>
    public PlatformSigningKey(AsymmetricAlgorithm key)
    {
        if (key is not (ECDsa or RSA))
        {
            throw new ArgumentException("the key must be ECDSA or RSA", nameof(key));
        }

        _original = key;
    }

    /// <summary>The key, for its type and public half only: signing goes through <see cref="SignHash"/>.</summary>
    public AsymmetricAlgorithm Algorithm => _original;

    /// <summary>Signs <paramref name="hash"/> as <paramref name="scheme"/> says, on whichever copy is free.</summary>
    public byte[] SignHash(byte[] hash, PlatformSignatureScheme scheme)
    {
        if (!_copies.TryTake(out var copy))
        {
            copy = Copy();
        }

        try
        {
            return scheme.SignHash(copy, hash);
        }
        finally
        {
            _copies.Add(copy);
        }
    }

    public void Dispose()
    {
        while (_copies.TryTake(out var copy))
        {
            copy.Dispose();
        }

        _original.Dispose();
    }

    private AsymmetricAlgorithm Copy()
    {
        // The original is only read here, one thread at a time.
        lock (_original)
        {
            if (_original is ECDsa ecdsa)
            {
                var parameters = ecdsa.ExportParameters(includePrivateParameters: true);
                try
                {
                    return ECDsa.Create(parameters);
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(parameters.D);
                }
            }

            var rsa = ((RSA)_original).ExportParameters(includePrivateParameters: true);
            try
            {
                return RSA.Create(rsa);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(rsa.D);
                CryptographicOperations.ZeroMemory(rsa.P);
                CryptographicOperations.ZeroMemory(rsa.Q);
                CryptographicOperations.ZeroMemory(rsa.DP);
                CryptographicOperations.ZeroMemory(rsa.DQ);
                CryptographicOperations.ZeroMemory(rsa.InverseQ);
            }
        }
    }
}
