using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Radius.Grains.Eap.Tls;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// Certificates made for the tests with .NET's CertificateRequest (no key is checked in): a CA, a server
/// certificate and key in PEM files, client certificates of every kind the validator must tell apart, a CRL.
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string KeyPassword = "pem password";

    private static readonly Lazy<TestPki> SharedRsa = new(() => new TestPki(TestKeyKind.Rsa));
    private static readonly Lazy<TestPki> SharedEcdsa = new(() => new TestPki(TestKeyKind.Ecdsa));

    public TestPki(TestKeyKind kind, bool encryptKey = false)
    {
        Kind = kind;
        Directory = Path.Combine(Path.GetTempPath(), "orleans-radius-tests-pki-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var now = DateTimeOffset.UtcNow;
        Ca = CreateCa("CN=Test Client and Server CA", kind, now);
        OtherCa = CreateCa("CN=Some Other CA", kind, now);
        using var server = Issue(Ca, "CN=radius.test", kind, now.AddDays(-1), now.AddYears(1), "1.3.6.1.5.5.7.3.1");
        ServerCertificateDer = server.RawData;

        CertificateFile = Write("server.pem", server.ExportCertificatePem());
        KeyFile = Write("server.key", ExportKey(server, encryptKey ? KeyPassword : null));
        ClientCaFile = Write("ca.pem", Ca.ExportCertificatePem());
        Client = Issue(Ca, "CN=alice", kind, now.AddDays(-1), now.AddYears(1), "1.3.6.1.5.5.7.3.2");
        Expired = Issue(Ca, "CN=expired", kind, now.AddDays(-30), now.AddDays(-1), "1.3.6.1.5.5.7.3.2");
        WrongUsage = Issue(Ca, "CN=server-only", kind, now.AddDays(-1), now.AddYears(1), "1.3.6.1.5.5.7.3.1");
        Untrusted = Issue(OtherCa, "CN=mallory", kind, now.AddDays(-1), now.AddYears(1), "1.3.6.1.5.5.7.3.2");
        Revoked = Issue(Ca, "CN=revoked", kind, now.AddDays(-1), now.AddYears(1), "1.3.6.1.5.5.7.3.2");

        var crl = new CertificateRevocationListBuilder();
        crl.AddEntry(Revoked, now.AddHours(-1), X509RevocationReason.KeyCompromise);
        CrlFile = Write("ca.crl", PemEncoding.WriteString("X509 CRL", crl.Build(Ca, 1, now.AddDays(7), HashAlgorithmName.SHA256, kind == TestKeyKind.Rsa ? RSASignaturePadding.Pkcs1 : null)));
    }

    public static TestPki Rsa => SharedRsa.Value;

    public static TestPki Ecdsa => SharedEcdsa.Value;

    public TestKeyKind Kind { get; }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 OtherCa { get; }

    public byte[] ServerCertificateDer { get; }

    public string CertificateFile { get; }

    public string KeyFile { get; }

    public string ClientCaFile { get; }

    public string CrlFile { get; }

    public X509Certificate2 Client { get; }

    public X509Certificate2 Expired { get; }

    public X509Certificate2 WrongUsage { get; }

    public X509Certificate2 Untrusted { get; }

    public X509Certificate2 Revoked { get; }

    public static TestPki For(TestKeyKind kind) => kind == TestKeyKind.Rsa ? Rsa : Ecdsa;

    /// <summary>Options for this PKI: small fragments so that every handshake is fragmented both ways.</summary>
    public EapTlsOptions Options(bool withCrl = false, int fragmentSize = 200, EapTlsVersion min = EapTlsVersion.Tls12, EapTlsVersion max = EapTlsVersion.Tls13) => new()
    {
        CertificateFile = CertificateFile,
        KeyFile = KeyFile,
        ClientCaFile = ClientCaFile,
        CrlFile = withCrl ? CrlFile : null,
        FragmentSize = fragmentSize,
        MinVersion = min,
        MaxVersion = max,
    };

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public static X509Certificate2 Issue(
        X509Certificate2 issuer, string subject, TestKeyKind kind, DateTimeOffset notBefore, DateTimeOffset notAfter, string extendedUsage, X509Extension? alternativeNames = null)
    {
        using AsymmetricAlgorithm key = kind == TestKeyKind.Rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CreateRequest(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (alternativeNames is not null)
        {
            request.CertificateExtensions.Add(alternativeNames);
        }

        using var certificate = request.Create(issuer, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        return key is RSA rsa ? certificate.CopyWithPrivateKey(rsa) : certificate.CopyWithPrivateKey((ECDsa)key);
    }

    public static string ExportKey(X509Certificate2 certificate, string? password)
    {
        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()!;
        using (key)
        {
            return password is null
                ? key.ExportPkcs8PrivateKeyPem()
                : key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        }
    }

    private static X509Certificate2 CreateCa(string subject, TestKeyKind kind, DateTimeOffset now)
    {
        using AsymmetricAlgorithm key = kind == TestKeyKind.Rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = CreateRequest(subject, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-60), now.AddYears(5));
    }

    private static CertificateRequest CreateRequest(string subject, AsymmetricAlgorithm key) => key is RSA rsa
        ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
        : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
}

/// <summary>Key algorithms the tests cover.</summary>
public enum TestKeyKind
{
    Rsa,
    Ecdsa,
}
