using System.Security.Cryptography;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Grains.Eap.Tls.Crypto;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;
using BcCrl = Org.BouncyCastle.X509.X509Crl;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// The signatures done on the platform against BouncyCastle: the server's signatures verify with BouncyCastle (and stop
/// verifying when the signed hash changes), and certificate and CRL signatures get BouncyCastle's verdict whether the
/// signer's key is registered with the platform or not.
/// </summary>
public sealed class PlatformSignatureTests
{
    private static readonly BcTlsCrypto BouncyCastle = new(new SecureRandom());

    public static TheoryData<TestKeyKind, int> SignatureSchemes => new()
    {
        { TestKeyKind.Ecdsa, SignatureScheme.ecdsa_secp256r1_sha256 },
        { TestKeyKind.Ecdsa, SignatureScheme.ecdsa_secp384r1_sha384 },
        { TestKeyKind.Ecdsa, SignatureScheme.ecdsa_sha1 },
        { TestKeyKind.Rsa, SignatureScheme.rsa_pkcs1_sha256 },
        { TestKeyKind.Rsa, SignatureScheme.rsa_pkcs1_sha512 },
        { TestKeyKind.Rsa, SignatureScheme.rsa_pss_rsae_sha256 },
        { TestKeyKind.Rsa, SignatureScheme.rsa_pss_rsae_sha384 },
    };

    [Theory]
    [MemberData(nameof(SignatureSchemes))]
    public void A_server_signature_made_on_the_platform_verifies_with_BouncyCastle(TestKeyKind kind, int signatureScheme)
    {
        var pki = TestPki.For(kind);
        using var material = LoadMaterial(pki);
        var algorithm = SignatureScheme.GetSignatureAndHashAlgorithm(signatureScheme);
        var hash = Hash(signatureScheme, "ServerKeyExchange params"u8.ToArray());

        var signature = new PlatformTlsSigner(material.SigningKey).GenerateRawSignature(algorithm, hash);

        var verifier = new BcTlsCertificate(BouncyCastle, pki.ServerCertificateDer).CreateVerifier(algorithm.Signature);
        Assert.True(verifier.VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
        hash[0] ^= 1;
        Assert.False(verifier.VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
    }

    [Theory]
    [InlineData(TestKeyKind.Ecdsa)]
    [InlineData(TestKeyKind.Rsa)]
    public void A_certificate_signature_gets_BouncyCastles_verdict(TestKeyKind kind)
    {
        var pki = TestPki.For(kind);
        var (issuerKey, otherKey) = RegisteredIssuerAndOtherKey(pki);
        var ours = new PlatformX509Certificate(pki.Client.RawData);
        var theirs = new BcCertificate(pki.Client.RawData);

        Assert.True(ours.IsSignatureValid(issuerKey));
        Assert.True(theirs.IsSignatureValid(issuerKey));
        ours.Verify(issuerKey);
        Assert.False(ours.IsSignatureValid(otherKey));
        Assert.False(theirs.IsSignatureValid(otherKey));
        var refused = Assert.Throws<InvalidKeyException>(() => { ours.Verify(otherKey); });
        Assert.Equal(Assert.Throws<InvalidKeyException>(() => { theirs.Verify(otherKey); }).Message, refused.Message);

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

        Assert.True(ours.IsSignatureValid(issuerKey));
        Assert.True(theirs.IsSignatureValid(issuerKey));
        ours.Verify(issuerKey);
        Assert.False(ours.IsSignatureValid(otherKey));
        Assert.False(theirs.IsSignatureValid(otherKey));
        var refused = Assert.Throws<InvalidKeyException>(() => { ours.Verify(otherKey); });
        Assert.Equal(Assert.Throws<InvalidKeyException>(() => { theirs.Verify(otherKey); }).Message, refused.Message);
    }

    // The CA's key goes through the platform, the other CA's key (never registered) through BouncyCastle.
    private static (Org.BouncyCastle.Crypto.AsymmetricKeyParameter Issuer, Org.BouncyCastle.Crypto.AsymmetricKeyParameter Other) RegisteredIssuerAndOtherKey(TestPki pki)
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

    private static EapTlsMaterial LoadMaterial(TestPki pki)
    {
        List<string> problems = [];
        return EapTlsMaterialLoader.TryLoad(pki.Options(), problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    private static byte[] Hash(int signatureScheme, byte[] data) => SignatureScheme.GetCryptoHashAlgorithm(signatureScheme) switch
    {
        CryptoHashAlgorithm.sha1 => SHA1.HashData(data),
        CryptoHashAlgorithm.sha256 => SHA256.HashData(data),
        CryptoHashAlgorithm.sha384 => SHA384.HashData(data),
        _ => SHA512.HashData(data),
    };
}
