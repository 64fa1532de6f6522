using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Orleans.Radius.Grains.Eap.Tls.Crypto;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using BcCrl = Org.BouncyCastle.X509.X509Crl;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// The signatures checked on the platform against BouncyCastle: certificate and CRL signatures get BouncyCastle's verdict
/// whether the signer's key is registered with the platform or not.
/// </summary>
public sealed class PlatformSignatureTests
{
    [Theory]
    [InlineData(TestKeyKind.Ecdsa)]
    [InlineData(TestKeyKind.Rsa)]
    public void A_certificate_signature_gets_BouncyCastles_verdict(TestKeyKind kind)
    {
        var pki = TestPki.For(kind);
        var (issuerKey, otherKey) = RegisteredIssuerAndOtherKey(pki);
        var ours = new PlatformX509Certificate(pki.Client.RawData);
        var theirs = new BcCertificate(pki.Client.RawData);

        AssertSameVerdicts(ours.IsSignatureValid, ours.Verify, theirs.IsSignatureValid, theirs.Verify, issuerKey, otherKey);

        // Signed by the registered key, but not this certificate's signature: the platform's verdict is no.
        var otherCertificate = new PlatformX509Certificate(pki.Untrusted.RawData);
        Assert.False(otherCertificate.IsSignatureValid(issuerKey));
        Assert.Throws<InvalidKeyException>(() => { otherCertificate.Verify(issuerKey); });
    }

    [Theory]
    [InlineData(TestKeyKind.Ecdsa)]
    [InlineData(TestKeyKind.Rsa)]
    public void A_crl_signature_gets_BouncyCastles_verdict(TestKeyKind kind)
    {
        var pki = TestPki.For(kind);
        var (issuerKey, otherKey) = RegisteredIssuerAndOtherKey(pki);
        var der = PemDer(File.ReadAllText(pki.CrlFile));
        var ours = new PlatformX509Crl(der);
        var theirs = new BcCrl(der);

        AssertSameVerdicts(ours.IsSignatureValid, ours.Verify, theirs.IsSignatureValid, theirs.Verify, issuerKey, otherKey);
    }

    // Both accept the issuer's key and refuse the other one, with the same message.
    private static void AssertSameVerdicts(
        Func<AsymmetricKeyParameter, bool> oursValid,
        Action<AsymmetricKeyParameter> oursVerify,
        Func<AsymmetricKeyParameter, bool> theirsValid,
        Action<AsymmetricKeyParameter> theirsVerify,
        AsymmetricKeyParameter issuerKey,
        AsymmetricKeyParameter otherKey)
    {
        Assert.True(oursValid(issuerKey));
        Assert.True(theirsValid(issuerKey));
        oursVerify(issuerKey);
        Assert.False(oursValid(otherKey));
        Assert.False(theirsValid(otherKey));
        var refused = Assert.Throws<InvalidKeyException>(() => oursVerify(otherKey));
        Assert.Equal(Assert.Throws<InvalidKeyException>(() => theirsVerify(otherKey)).Message, refused.Message);
    }

    // The CA's key goes through the platform, the other CA's key (never registered) through BouncyCastle.
    private static (AsymmetricKeyParameter Issuer, AsymmetricKeyParameter Other) RegisteredIssuerAndOtherKey(TestPki pki)
    {
        var issuerKey = new BcCertificate(pki.Ca.RawData).GetPublicKey();
        PlatformSignedDataCheck.Register(issuerKey);
        return (issuerKey, new BcCertificate(pki.OtherCa.RawData).GetPublicKey());
    }

    private static byte[] PemDer(string pem)
    {
        var fields = PemEncoding.Find(pem);
        return Convert.FromBase64String(pem[fields.Base64Data]);
    }
}
