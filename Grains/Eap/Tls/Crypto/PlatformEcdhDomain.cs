using System.Security.Cryptography;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>Ephemeral ECDH on a NIST curve (secp256r1, secp384r1, secp521r1) computed by the platform.</summary>
internal sealed class PlatformEcdhDomain : TlsECDomain
{
    private readonly BcTlsCrypto _crypto;
    private readonly ECCurve _curve;
    private readonly int _fieldLength;

    private PlatformEcdhDomain(BcTlsCrypto crypto, ECCurve curve, int fieldLength)
    {
        _crypto = crypto;
        _curve = curve;
        _fieldLength = fieldLength;
    }

    /// <summary>The domain of <paramref name="namedGroup"/>, or null for a group the platform path does not cover.</summary>
    public static PlatformEcdhDomain? TryCreate(BcTlsCrypto crypto, int namedGroup) => namedGroup switch
    {
        NamedGroup.secp256r1 => new PlatformEcdhDomain(crypto, ECCurve.NamedCurves.nistP256, 32),
        NamedGroup.secp384r1 => new PlatformEcdhDomain(crypto, ECCurve.NamedCurves.nistP384, 48),
        NamedGroup.secp521r1 => new PlatformEcdhDomain(crypto, ECCurve.NamedCurves.nistP521, 66),
        _ => null,
    };

    public TlsAgreement CreateECDH() => new PlatformEcdhAgreement(_crypto, _curve, _fieldLength);
}
