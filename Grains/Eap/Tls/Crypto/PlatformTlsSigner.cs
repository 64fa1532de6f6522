using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// Makes the server's signatures (TLS 1.2 ServerKeyExchange, TLS 1.3 CertificateVerify) with the platform's key over
/// the hash BouncyCastle computed.
/// </summary>
internal sealed class PlatformTlsSigner(PlatformSigningKey key) : TlsSigner
{
    public byte[] GenerateRawSignature(SignatureAndHashAlgorithm algorithm, byte[] hash)
    {
        // BouncyCastle passes no algorithm only below TLS 1.2, which is never negotiated here; the schemes offered are
        // those of EapTlsSignatureSchemes, all covered by the platform.
        if (algorithm is null || !PlatformSignatureScheme.TryGet(key.Algorithm, SignatureScheme.From(algorithm), out var scheme))
        {
            throw new TlsFatalAlert(AlertDescription.internal_error, $"no platform signature for {algorithm}");
        }

        try
        {
            return key.SignHash(hash, scheme);
        }
        catch (System.Security.Cryptography.CryptographicException exception)
        {
            throw new TlsFatalAlert(AlertDescription.internal_error, exception);
        }
    }

    // Null: BouncyCastle then hashes the signed content itself and calls GenerateRawSignature.
    public TlsStreamSigner? GetStreamSigner(SignatureAndHashAlgorithm algorithm) => null;
}
