using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// BouncyCastle's TLS crypto with the public-key work moved to the platform (OpenSSL): ECDHE on the NIST curves and
/// the checks of the peer's ECDSA and RSA signatures. The record layer, hashes, PRF and key schedule, X25519 and X448
/// stay BouncyCastle's. Stateless apart from the random source, so one instance serves every conversation.
/// </summary>
internal sealed class PlatformTlsCrypto(SecureRandom random) : BcTlsCrypto(random)
{
    public override TlsCertificate CreateCertificate(short type, byte[] encoding) =>
        type == CertificateType.X509 ? new PlatformTlsCertificate(this, encoding) : base.CreateCertificate(type, encoding);

    public override TlsECDomain CreateECDomain(TlsECConfig ecConfig)
    {
        ArgumentNullException.ThrowIfNull(ecConfig);
        return PlatformEcdhDomain.TryCreate(this, ecConfig.NamedGroup) ?? base.CreateECDomain(ecConfig);
    }
}
