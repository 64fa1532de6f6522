using Orleans.Radius.Grains.Eap.Tls;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>The throw-away development PKI: created once, reused, and usable by the server as is.</summary>
public sealed class DevelopmentCertificatesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleans-radius-dev-pki-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Creates_the_files_once_and_the_server_authenticates_its_client_certificate()
    {
        var created = EapTlsDevelopmentCertificates.EnsureCreated(_directory);
        var reused = EapTlsDevelopmentCertificates.EnsureCreated(_directory);

        Assert.True(created.Created);
        Assert.False(reused.Created);
        Assert.Equal(created with { Created = false }, reused);

        var options = new EapTlsOptions { CertificateFile = created.CertificateFile, KeyFile = created.KeyFile, ClientCaFile = created.CaCertificateFile, FragmentSize = 300 };
        Assert.True(new EapTlsOptionsValidator().Validate(null, options).Succeeded);

        using var client = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(created.ClientCertificateFile, created.ClientKeyFile);
        var serverDer = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(created.CertificateFile)).RawData;
        var tlsClient = new TestTlsClient(Org.BouncyCastle.Tls.ProtocolVersion.TLSv13, (byte)EapType.Tls, serverDer, client);
        // The development client certificate is CN=demo, the demo user's name, so the identity matches it.
        var step = await new TestEapPeer(tlsClient, 300).RunAsync(EapTlsTestRig.CreateMethod(EapType.Tls, options), EapTlsTestRig.Context(new FakeUserDirectory(EapTlsTestRig.Passwords, acceptUnknownCertificates: true), "demo"));

        Assert.Equal(Orleans.Radius.Grains.Eap.EapStepKind.Success, step.Kind);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
