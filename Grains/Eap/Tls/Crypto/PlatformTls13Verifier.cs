using System.Security.Cryptography;
using Org.BouncyCastle.Tls.Crypto;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// Checks a TLS 1.3 CertificateVerify signature (RFC 8446 §4.4.3) with the peer certificate's key on the platform:
/// BouncyCastle writes the signed content into <see cref="Stream"/>, then asks for the verdict.
/// </summary>
internal sealed class PlatformTls13Verifier(AsymmetricAlgorithm key, PlatformSignatureScheme scheme) : Tls13Verifier, IDisposable
{
    // The content is about 130 bytes: 64 spaces, a context string and the transcript hash.
    private readonly MemoryStream _signed = new(capacity: 256);

    public Stream Stream => _signed;

    // ToArray works after BouncyCastle has disposed the stream.
    public bool VerifySignature(byte[] signature) => scheme.VerifyData(key, _signed.ToArray(), signature);

    // BouncyCastle disposes the stream itself once the content is written; this only makes the ownership plain.
    public void Dispose() => _signed.Dispose();
}
