using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Orleans.Radius.Grains.Eap.Tls.Crypto;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// What every handshake of a silo shares, built once with the certificate material: the crypto (BouncyCastle's,
/// stateless but for its random source), the server's Certificate message in its TLS 1.2 and 1.3 forms, the signer on
/// the platform, the client-certificate validator and the clock.
/// </summary>
internal sealed class EapTlsServerSetup
{
    // SecureRandom over the OS generator is thread-safe and costly to create.
    private static readonly SecureRandom Random = new();

    public EapTlsServerSetup(EapTlsMaterial material, ClientCertificateValidator? clientValidator, TimeProvider time)
    {
        Material = material;
        ClientValidator = clientValidator;
        Time = time;
        Crypto = new BcTlsCrypto(Random);
        Signer = new PlatformTlsSigner(material.SigningKey);
        TlsCertificate[] chain = [.. material.ServerChain.Select(Crypto.CreateCertificate)];
        Tls12Certificate = new Certificate(chain);
        Tls13Certificate = new Certificate(TlsUtilities.EmptyBytes, [.. chain.Select(entry => new CertificateEntry(entry, null))]);
    }

    public BcTlsCrypto Crypto { get; }

    public EapTlsMaterial Material { get; }

    public ClientCertificateValidator? ClientValidator { get; }

    public TimeProvider Time { get; }

    /// <summary>Signs with the server's key on the platform; holds no per-handshake state.</summary>
    public PlatformTlsSigner Signer { get; }

    /// <summary>The server's chain as a TLS 1.2 Certificate message body.</summary>
    public Certificate Tls12Certificate { get; }

    /// <summary>The server's chain as a TLS 1.3 Certificate message body (empty request context, no extensions).</summary>
    public Certificate Tls13Certificate { get; }
}
