using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// A throw-away PKI for the all-in-one development mode: a CA, a server certificate and a client certificate
/// (ECDSA P-256), written once to a directory and reused on later starts while they are valid. Never for
/// production: the keys are unencrypted and the CA key is discarded.
/// </summary>
public static class EapTlsDevelopmentCertificates
{
    /// <summary>Default directory under the system's temporary directory.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), "orleans-radius-dev-pki");

    /// <summary>Certificates are renewed when less than this is left, so a long-running demo never sees one expire.</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    /// <summary>Returns the files in <paramref name="directory"/>, creating them when missing, unreadable or about to expire.</summary>
    public static EapTlsDevelopmentFiles EnsureCreated(string directory, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var files = new EapTlsDevelopmentFiles(
            Path.Combine(directory, "ca.pem"),
            Path.Combine(directory, "server.pem"),
            Path.Combine(directory, "server.key"),
            Path.Combine(directory, "client.pem"),
            Path.Combine(directory, "client.key"),
            Created: false);
        if (IsUsable(files, now))
        {
            return files;
        }

        Directory.CreateDirectory(directory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Orleans.Radius development CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));

        WriteLeaf(ca, "CN=orleans-radius.local", "1.3.6.1.5.5.7.3.1", files.CertificateFile, files.KeyFile, now);
        WriteLeaf(ca, "CN=demo", "1.3.6.1.5.5.7.3.2", files.ClientCertificateFile, files.ClientKeyFile, now);
        File.WriteAllText(files.CaCertificateFile, ca.ExportCertificatePem() + "\n");
        return files with { Created = true };
    }

    private static void WriteLeaf(X509Certificate2 ca, string subject, string extendedUsage, string certificateFile, string keyFile, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(extendedUsage)], false));
        using var certificate = request.Create(ca, now.AddDays(-1), now.AddYears(2), RandomNumberGenerator.GetBytes(16));
        WritePrivate(keyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem() + "\n");
    }

    private static void WritePrivate(string path, string pem)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(pem);
    }

    private static bool IsUsable(EapTlsDevelopmentFiles files, DateTimeOffset now)
    {
        try
        {
            foreach (var path in new[] { files.CaCertificateFile, files.CertificateFile, files.ClientCertificateFile })
            {
                using var certificate = X509Certificate2.CreateFromPem(File.ReadAllText(path));
                if (certificate.NotAfter.ToUniversalTime() - now.UtcDateTime < RenewBefore)
                {
                    return false;
                }
            }

            using var server = X509Certificate2.CreateFromPemFile(files.CertificateFile, files.KeyFile);
            using var client = X509Certificate2.CreateFromPemFile(files.ClientCertificateFile, files.ClientKeyFile);
            return server.HasPrivateKey && client.HasPrivateKey;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
