using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Orleans.Radius.Grains.Eap.Tls.Crypto;

/// <summary>
/// A BouncyCastle CRL whose signature is checked by the platform (OpenSSL): the revocation check verifies the CRL of
/// every issuer on the client's path on each handshake. Signatures the platform path does not cover are checked by
/// BouncyCastle as before.
/// </summary>
internal sealed class PlatformX509Crl(byte[] encoding) : X509Crl(encoding)
{
    public override void Verify(AsymmetricKeyParameter publicKey)
    {
        if (!TryVerifyOnPlatform(publicKey, out var valid))
        {
            base.Verify(publicKey);
        }
        else if (!valid)
        {
            throw new InvalidKeyException("CRL does not verify with supplied public key.");
        }
    }

    public override bool IsSignatureValid(AsymmetricKeyParameter key) =>
        TryVerifyOnPlatform(key, out var valid) ? valid : base.IsSignatureValid(key);

    private bool TryVerifyOnPlatform(AsymmetricKeyParameter key, out bool valid)
    {
        var list = CertificateList;
        return PlatformSignedDataCheck.TryVerify(list.SignatureAlgorithm, list.TbsCertList.Signature, list.TbsCertList, list.Signature, key, out valid);
    }
}
