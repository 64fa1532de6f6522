using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Grains.Eap.Tls.Crypto;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// The platform crypto adapter against BouncyCastle's own implementation: signatures made by one verify with the
/// other (and stop verifying when the signed hash changes), certificate and CRL signatures get the same verdict, both sides of
/// an ECDH exchange reach the same secret, and points that are not on the curve are refused with illegal_parameter.
/// </summary>
public sealed class PlatformTlsCryptoTests
{
    private static readonly BcTlsCrypto BouncyCastle = new(new SecureRandom());
    private static readonly PlatformTlsCrypto Platform = new(new SecureRandom());

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
    [MemberData(nameof(SignatureSchemes))]
    public void A_peer_signature_made_by_BouncyCastle_verifies_on_the_platform_in_TLS_1_2(TestKeyKind kind, int signatureScheme)
    {
        var pki = TestPki.For(kind);
        var algorithm = SignatureScheme.GetSignatureAndHashAlgorithm(signatureScheme);
        var hash = Hash(signatureScheme, "handshake messages"u8.ToArray());
        var signature = BouncyCastleSigner(pki.Client, signatureScheme).GenerateRawSignature(algorithm, hash);

        var verifier = Platform.CreateCertificate(pki.Client.RawData).CreateVerifier(algorithm.Signature);

        Assert.IsType<PlatformTlsVerifier>(verifier);
        Assert.True(verifier.VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
        hash[0] ^= 0x80; // the leading bytes: ECDSA ignores what lies beyond the curve's order length
        Assert.False(verifier.VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
    }

    [Theory]
    [InlineData(TestKeyKind.Ecdsa, SignatureScheme.ecdsa_secp256r1_sha256)]
    [InlineData(TestKeyKind.Rsa, SignatureScheme.rsa_pss_rsae_sha256)]
    [InlineData(TestKeyKind.Rsa, SignatureScheme.rsa_pss_rsae_sha512)]
    public void A_peer_signature_made_by_BouncyCastle_verifies_on_the_platform_in_TLS_1_3(TestKeyKind kind, int signatureScheme)
    {
        var pki = TestPki.For(kind);
        var algorithm = SignatureScheme.GetSignatureAndHashAlgorithm(signatureScheme);
        byte[] content = [.. Enumerable.Repeat((byte)0x20, 64), .. "TLS 1.3, client CertificateVerify\0transcript hash"u8];
        var signature = BouncyCastleSigner(pki.Client, signatureScheme).GenerateRawSignature(algorithm, Hash(signatureScheme, content));

        Assert.True(VerifyTls13(pki.Client.RawData, signatureScheme, content, signature));
        content[^1] ^= 1;
        Assert.False(VerifyTls13(pki.Client.RawData, signatureScheme, content, signature));
    }

    [Theory]
    [InlineData(NamedGroup.secp256r1, 32)]
    [InlineData(NamedGroup.secp384r1, 48)]
    [InlineData(NamedGroup.secp521r1, 66)]
    public void Ecdh_on_the_platform_agrees_with_BouncyCastle_both_ways(int namedGroup, int fieldLength)
    {
        var ours = Platform.CreateECDomain(new TlsECConfig(namedGroup)).CreateECDH();
        var theirs = BouncyCastle.CreateECDomain(new TlsECConfig(namedGroup)).CreateECDH();
        Assert.IsType<PlatformEcdhAgreement>(ours);

        var ourPoint = ours.GenerateEphemeral();
        var theirPoint = theirs.GenerateEphemeral();
        ours.ReceivePeerValue(theirPoint);
        theirs.ReceivePeerValue(ourPoint);

        Assert.Equal(1 + (2 * fieldLength), ourPoint.Length);
        var secret = ours.CalculateSecret().Extract();
        Assert.Equal(fieldLength, secret.Length);
        Assert.Equal(theirs.CalculateSecret().Extract(), secret);
    }

    [Fact]
    public void X25519_stays_with_BouncyCastle()
    {
        Assert.IsNotType<PlatformEcdhAgreement>(Platform.CreateECDomain(new TlsECConfig(NamedGroup.x25519)).CreateECDH());
    }

    [Theory]
    [InlineData("off the curve")]
    [InlineData("compressed")]
    [InlineData("truncated")]
    [InlineData("identity")]
    public void A_peer_point_that_is_not_an_uncompressed_point_of_the_curve_is_an_illegal_parameter(string which)
    {
        var valid = BouncyCastle.CreateECDomain(new TlsECConfig(NamedGroup.secp256r1)).CreateECDH().GenerateEphemeral();
        var point = which switch
        {
            "off the curve" => [.. valid[..^1], (byte)(valid[^1] ^ 1)],
            "compressed" => [(byte)(2 + (valid[^1] & 1)), .. valid[1..33]],
            "truncated" => valid[..^1],
            _ => new byte[65],
        };
        if (which == "identity")
        {
            point[0] = 0x04;
        }

        var agreement = Platform.CreateECDomain(new TlsECConfig(NamedGroup.secp256r1)).CreateECDH();
        agreement.GenerateEphemeral();

        var alert = Assert.Throws<TlsFatalAlert>(() => agreement.ReceivePeerValue(point));
        Assert.Equal(AlertDescription.illegal_parameter, alert.AlertDescription);
    }

    [Theory]
    [InlineData(TestKeyKind.Ecdsa)]
    [InlineData(TestKeyKind.Rsa)]
    public void A_certificate_signature_checked_on_the_platform_gets_BouncyCastles_verdict(TestKeyKind kind)
    {
        var pki = TestPki.For(kind);
        var issuerKey = new BcCertificate(pki.Ca.RawData).GetPublicKey();
        var otherKey = new BcCertificate(pki.OtherCa.RawData).GetPublicKey();
        var ours = new PlatformX509Certificate(pki.Client.RawData);
        var theirs = new BcCertificate(pki.Client.RawData);

        Assert.True(ours.IsSignatureValid(issuerKey));
        Assert.True(theirs.IsSignatureValid(issuerKey));
        ours.Verify(issuerKey);
        Assert.False(ours.IsSignatureValid(otherKey));
        Assert.False(theirs.IsSignatureValid(otherKey));
        var refused = Assert.Throws<InvalidKeyException>(() => { ours.Verify(otherKey); });
        Assert.Equal(Assert.Throws<InvalidKeyException>(() => { theirs.Verify(otherKey); }).Message, refused.Message);
    }

    [Theory]
    [InlineData(TestKeyKind.Ecdsa)]
    [InlineData(TestKeyKind.Rsa)]
    public void A_crl_signature_checked_on_the_platform_gets_BouncyCastles_verdict(TestKeyKind kind)
    {
        var pki = TestPki.For(kind);
        var der = PemDer(File.ReadAllText(pki.CrlFile));
        var issuerKey = new BcCertificate(pki.Ca.RawData).GetPublicKey();
        var otherKey = new BcCertificate(pki.OtherCa.RawData).GetPublicKey();
        var ours = new PlatformX509Crl(der);
        var theirs = new Org.BouncyCastle.X509.X509Crl(der);

        Assert.True(ours.IsSignatureValid(issuerKey));
        Assert.True(theirs.IsSignatureValid(issuerKey));
        ours.Verify(issuerKey);
        Assert.False(ours.IsSignatureValid(otherKey));
        Assert.False(theirs.IsSignatureValid(otherKey));
        var refused = Assert.Throws<InvalidKeyException>(() => { ours.Verify(otherKey); });
        Assert.Equal(Assert.Throws<InvalidKeyException>(() => { theirs.Verify(otherKey); }).Message, refused.Message);
    }

    private static bool VerifyTls13(byte[] certificate, int signatureScheme, byte[] content, byte[] signature)
    {
        var verifier = Platform.CreateCertificate(certificate).CreateVerifier(signatureScheme);
        Assert.IsType<PlatformTls13Verifier>(verifier);
        using (var stream = verifier.Stream)
        {
            stream.Write(content);
        }

        return verifier.VerifySignature(signature);
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

    private static TlsSigner BouncyCastleSigner(X509Certificate2 certificate, int signatureScheme)
    {
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()!;
        AsymmetricKeyParameter privateKey;
        using (key)
        {
            privateKey = PrivateKeyFactory.CreateKey(key.ExportPkcs8PrivateKey());
        }

        return privateKey switch
        {
            ECPrivateKeyParameters ec => new BcTlsECDsaSigner(BouncyCastle, ec),
            RsaKeyParameters rsa when SignatureScheme.IsRsaPss(signatureScheme) => new BcTlsRsaPssSigner(BouncyCastle, rsa, signatureScheme),
            RsaKeyParameters rsa => new BcTlsRsaSigner(BouncyCastle, rsa),
            _ => throw new InvalidOperationException("unexpected key"),
        };
    }
}
