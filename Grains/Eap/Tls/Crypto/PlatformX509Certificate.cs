using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// A BouncyCastle certificate whose own signature is checked by the platform (OpenSSL), so that BouncyCastle's PKIX
/// path building and validation, which call <see cref="Verify(AsymmetricKeyParameter)"/> for every link of the path,
/// stop spending managed EC or RSA arithmetic on it. Signatures the platform path does not cover (RSA-PSS, SHA-224,
/// unusual parameters) are checked by BouncyCastle as before; a bad signature fails with BouncyCastle's own exception.
/// </summary>
internal sealed class PlatformX509Certificate(byte[] encoding) : X509Certificate(encoding)
{
    public override void Verify(AsymmetricKeyParameter key)
    {
        if (!TryVerifyOnPlatform(key, out var valid))
        {
            base.Verify(key);
        }
        else if (!valid)
        {
            throw new InvalidKeyException("Public key presented not for certificate signature");
        }
    }

    public override bool IsSignatureValid(AsymmetricKeyParameter key) =>
        TryVerifyOnPlatform(key, out var valid) ? valid : base.IsSignatureValid(key);

    private bool TryVerifyOnPlatform(AsymmetricKeyParameter key, out bool valid)
    {
        var structure = CertificateStructure;
        return PlatformSignedDataCheck.TryVerify(structure.SignatureAlgorithm, structure.TbsCertificate.Signature, structure.TbsCertificate, structure.Signature, key, out valid);
    }
}
