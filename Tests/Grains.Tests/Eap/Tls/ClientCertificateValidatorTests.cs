using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Radius.Grains.Eap.Tls;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>The offline chain, usage and CRL checks, and the reasons they give.</summary>
public sealed class ClientCertificateValidatorTests
{
    [Theory]
    [InlineData(TestKeyKind.Rsa)]
    [InlineData(TestKeyKind.Ecdsa)]
    public void Accepts_a_client_certificate_of_the_configured_ca_that_is_not_revoked(TestKeyKind kind)
    {
        var pki = TestPki.For(kind);

        var check = Validator(pki, withCrl: true).Validate([pki.Client.RawData], DateTime.UtcNow);

        Assert.True(check.Accepted, check.Reason);
        Assert.Equal("CN=alice", check.Subject);
    }

    [Theory]
    [InlineData("expired", "expired on")]
    [InlineData("untrusted", "no valid path to a configured CA")]
    [InlineData("revoked", "is revoked")]
    [InlineData("server-only", "extended key usage lacks clientAuth")]
    public void Refuses_with_a_reason(string which, string reason)
    {
        var pki = TestPki.Ecdsa;
        var certificate = which switch
        {
            "expired" => pki.Expired,
            "untrusted" => pki.Untrusted,
            "revoked" => pki.Revoked,
            _ => pki.WrongUsage,
        };

        var check = Validator(pki, withCrl: true).Validate([certificate.RawData], DateTime.UtcNow);

        Assert.False(check.Accepted);
        Assert.Contains(reason, check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revoked_certificate_passes_when_no_crl_is_configured()
    {
        var pki = TestPki.Ecdsa;

        Assert.True(Validator(pki, withCrl: false).Validate([pki.Revoked.RawData], DateTime.UtcNow).Accepted);
    }

    [Fact]
    public void Requires_a_current_crl_of_the_issuer_when_a_crl_file_is_configured()
    {
        var pki = TestPki.Ecdsa;
        var now = DateTimeOffset.UtcNow;
        var otherCrl = new CertificateRevocationListBuilder().Build(pki.OtherCa, 1, now.AddDays(7), HashAlgorithmName.SHA256);
        var staleCrl = new CertificateRevocationListBuilder().Build(pki.Ca, 2, now.AddDays(-1), HashAlgorithmName.SHA256, thisUpdate: now.AddDays(-8));

        var missing = Validator(pki, crlPem: PemEncoding.WriteString("X509 CRL", otherCrl)).Validate([pki.Client.RawData], now.UtcDateTime);
        var stale = Validator(pki, crlPem: PemEncoding.WriteString("X509 CRL", staleCrl)).Validate([pki.Client.RawData], now.UtcDateTime);

        Assert.Contains("no CRL of the issuer", missing.Reason, StringComparison.Ordinal);
        Assert.Contains("expired on", stale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Builds_the_path_through_an_intermediate_the_peer_sent()
    {
        var pki = TestPki.Ecdsa;
        var now = DateTimeOffset.UtcNow;
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Intermediate", intermediateKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var intermediatePublic = request.Create(pki.Ca, now.AddDays(-1), now.AddYears(1), [1, 2, 3]);
        using var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);
        using var leaf = TestPki.Issue(intermediate, "CN=carol", TestKeyKind.Ecdsa, now.AddDays(-1), now.AddMonths(6), "1.3.6.1.5.5.7.3.2");

        var validator = Validator(pki, withCrl: false);

        Assert.True(validator.Validate([leaf.RawData, intermediate.RawData], now.UtcDateTime).Accepted);
        Assert.False(validator.Validate([leaf.RawData], now.UtcDateTime).Accepted);
    }

    [Fact]
    public void Refuses_garbage_and_an_empty_chain()
    {
        var validator = Validator(TestPki.Ecdsa, withCrl: false);

        Assert.Contains("no client certificate", validator.Validate([], DateTime.UtcNow).Reason, StringComparison.Ordinal);
        Assert.Contains("unreadable", validator.Validate([[0x30, 0x03, 0x02, 0x01, 0x01]], DateTime.UtcNow).Reason, StringComparison.Ordinal);
    }

    private static ClientCertificateValidator Validator(TestPki pki, bool withCrl = false, string? crlPem = null)
    {
        var options = pki.Options(withCrl);
        if (crlPem is not null)
        {
            options.CrlFile = pki.Write($"crl-{Guid.NewGuid():N}.pem", crlPem);
        }

        List<string> problems = [];
        var material = EapTlsMaterialLoader.TryLoad(options, problems);
        Assert.Empty(problems);
        return new ClientCertificateValidator(material!);
    }
}
