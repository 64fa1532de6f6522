using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>Key algorithm of a certificate the EAP PKI issues.</summary>
internal enum EapKeyKind
{
    Rsa,
    Ecdsa,
}

/// <summary>A PEM certificate and its PKCS#8 key on disk.</summary>
internal sealed record PemPair(string CertificateFile, string KeyFile);

/// <summary>
/// A throw-away PKI for EAP made with .NET's CertificateRequest at test time (nothing checked in): a CA, server
/// certificates (RSA or ECDSA), client certificates with the clientAuth usage, an expired one, one from another CA,
/// and one with a DSA key, which TLS 1.3 cannot use, so OpenSSL answers a certificate request with no certificate.
/// </summary>
internal sealed class EapPki : IDisposable
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _otherCa;

    public EapPki(string directory)
    {
        Directory = directory;
        _ca = CreateCa("CN=Orleans.Radius test EAP CA");
        _otherCa = CreateCa("CN=Some other CA");
        CaFile = Write("eap-ca.pem", _ca.ExportCertificatePem());
    }

    public string Directory { get; }

    /// <summary>The CA of the server and of the trusted client certificates (Eap:Tls:ClientCaFile, eapol_test's ca_cert).</summary>
    public string CaFile { get; }

    /// <summary>A server certificate for <c>radius.test</c>.</summary>
    public PemPair Server(EapKeyKind kind) => Issue(_ca, $"server-{kind}", "CN=radius.test", kind, [ServerAuth], validFor: TimeSpan.FromDays(7));

    /// <summary>A client certificate of the trusted CA whose subject CN is <paramref name="commonName"/>.</summary>
    public PemPair Client(string commonName, EapKeyKind kind = EapKeyKind.Ecdsa) =>
        Issue(_ca, $"client-{commonName}-{kind}", $"CN={commonName}", kind, [ClientAuth], validFor: TimeSpan.FromDays(7));

    /// <summary>A client certificate of the trusted CA that expired yesterday.</summary>
    public PemPair ExpiredClient(string commonName) =>
        Issue(_ca, $"expired-{commonName}", $"CN={commonName}", EapKeyKind.Ecdsa, [ClientAuth], validFor: TimeSpan.FromDays(-1));

    /// <summary>A client certificate issued by a CA the server does not trust.</summary>
    public PemPair UntrustedClient(string commonName) =>
        Issue(_otherCa, $"untrusted-{commonName}", $"CN={commonName}", EapKeyKind.Ecdsa, [ClientAuth], validFor: TimeSpan.FromDays(7));

    /// <summary>A cluster node's certificate (it is TLS server and client on cluster links), of the trusted CA or of the other one.</summary>
    public PemPair Node(string name, bool trusted = true) =>
        Issue(trusted ? _ca : _otherCa, $"node-{name}", $"CN={name}", EapKeyKind.Ecdsa, [ServerAuth, ClientAuth], validFor: TimeSpan.FromDays(7));

    /// <summary>A trusted client certificate with a DSA key: no TLS 1.3 signature scheme uses it.</summary>
    public PemPair DsaClient(string commonName)
    {
        using var key = DSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}"), new PublicKey(key), HashAlgorithmName.SHA256);
        AddLeafExtensions(request, [ClientAuth]);
        using var issuerKey = _ca.GetECDsaPrivateKey()!;
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(_ca.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), now.AddHours(-1), now.AddDays(7), RandomNumberGenerator.GetBytes(12));
        return new PemPair(Write($"dsa-{commonName}.pem", certificate.ExportCertificatePem()), Write($"dsa-{commonName}.key", key.ExportPkcs8PrivateKeyPem()));
    }

    private PemPair Issue(X509Certificate2 issuer, string name, string subject, EapKeyKind kind, string[] usages, TimeSpan validFor)
    {
        using AsymmetricAlgorithm key = kind == EapKeyKind.Rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA rsa
            ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, usages);
        var now = DateTimeOffset.UtcNow;
        var (notBefore, notAfter) = validFor > TimeSpan.Zero ? (now.AddHours(-1), now + validFor) : (now.AddDays(-30), now + validFor);
        // The CAs are ECDSA: an RSA leaf needs the signature generator rather than the issuer certificate overload.
        using var issuerKey = issuer.GetECDsaPrivateKey()!;
        using var certificate = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey), notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        return new PemPair(Write($"{name}.pem", certificate.ExportCertificatePem()), Write($"{name}.key", key.ExportPkcs8PrivateKeyPem()));
    }

    private static void AddLeafExtensions(CertificateRequest request, string[] usages)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages.Select(usage => new Oid(usage))], false));
    }

    private static X509Certificate2 CreateCa(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-60), now.AddYears(1));
    }

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
