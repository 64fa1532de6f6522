using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Radius.Gateway.Hosting;

namespace Orleans.Radius.Gateway.Tests;

/// <summary>Cluster:Tls file checks at start-up and the CA-pinned trust decision.</summary>
public sealed class ClusterTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("radius-cluster-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Nothing_configured_is_no_problem()
    {
        Assert.Empty(ClusterTls.Problems(new ClusterTlsOptions()));
    }

    [Fact]
    public void A_partial_or_missing_configuration_names_every_missing_file()
    {
        var problems = ClusterTls.Problems(new ClusterTlsOptions { CertificateFile = Path.Combine(_directory, "absent.pem") }).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, problem => problem.Contains("Cluster:Tls:CertificateFile", StringComparison.Ordinal) && problem.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("Cluster:Tls:KeyFile is required", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("Cluster:Tls:CaFile is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_that_does_not_match_the_certificate_is_named()
    {
        using var authority = Authority("ca");
        var (certificateFile, _) = Issue(authority, "node");
        var (_, otherKey) = Issue(authority, "other");

        var problems = ClusterTls.Problems(new ClusterTlsOptions { CertificateFile = certificateFile, KeyFile = otherKey, CaFile = Write("ca.pem", authority.ExportCertificatePem()) });

        Assert.Contains("cannot be loaded", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_certificates_of_the_configured_ca_are_trusted()
    {
        using var authority = Authority("cluster");
        using var rogue = Authority("rogue");
        using var member = X509CertificateLoader.LoadCertificateFromFile(Issue(authority, "member").CertificateFile);
        using var intruder = X509CertificateLoader.LoadCertificateFromFile(Issue(rogue, "intruder").CertificateFile);
        var trusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(authority.RawData));

        Assert.True(ClusterTls.IsTrusted(member, trusted));
        Assert.False(ClusterTls.IsTrusted(intruder, trusted));
    }

    private static X509Certificate2 Authority(string name)
    {
        // Not disposed: the authority signs with it later.
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    private (string CertificateFile, string KeyFile) Issue(X509Certificate2 authority, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), RandomNumberGenerator.GetBytes(8));
        return (Write($"{name}.pem", certificate.ExportCertificatePem()), Write($"{name}.key", key.ExportPkcs8PrivateKeyPem()));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
