using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// Checks a TLS 1.2 signature (the client's CertificateVerify) over the hash BouncyCastle computed, with the peer
/// certificate's key on the platform. A scheme the platform path does not cover goes to BouncyCastle's own verifier.
/// </summary>
internal sealed class PlatformTlsVerifier(AsymmetricAlgorithm key, short signatureAlgorithm, Func<TlsVerifier> fallback) : TlsVerifier
{
    // Null: BouncyCastle then hashes the handshake itself and calls VerifyRawSignature.
    public TlsStreamVerifier? GetStreamVerifier(DigitallySigned digitallySigned) => null;

    public bool VerifyRawSignature(DigitallySigned digitallySigned, byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(digitallySigned);
        var algorithm = digitallySigned.Algorithm;
        if (algorithm is null || algorithm.Signature != signatureAlgorithm
            || !PlatformSignatureScheme.TryGet(key, SignatureScheme.From(algorithm), out var scheme))
        {
            // Legacy (pre-1.2) or mismatched algorithms: BouncyCastle's verifier decides, or refuses, as it always did.
            return fallback().VerifyRawSignature(digitallySigned, hash);
        }

        return scheme.VerifyHash(key, hash, digitallySigned.Signature);
    }
}
