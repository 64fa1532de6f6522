using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;
using Orleans.Radius.Grains.Eap.Tls.Crypto;
using Orleans.Radius.Grains.Eap.Tls.OpenSsl;
using BcCertificate = Org.BouncyCastle.X509.X509Certificate;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// Reads <see cref="EapTlsOptions"/>' PEM files into <see cref="EapTlsMaterial"/>, naming every problem (missing or
/// unreadable file, wrong password, key not matching the certificate) instead of stopping at the first.
/// </summary>
internal static class EapTlsMaterialLoader
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    // P-256, P-384 and P-521 by OID and by the names .NET may give them.
    private static readonly string?[] SupportedCurves =
        ["1.2.840.10045.3.1.7", "1.3.132.0.34", "1.3.132.0.35", "nistP256", "ECDSA_P256", "nistP384", "ECDSA_P384", "nistP521", "ECDSA_P521"];

    /// <summary>Loads the material; null with the problems listed when anything is wrong.</summary>
    public static EapTlsMaterial? TryLoad(EapTlsOptions options, List<string> problems)
    {
        var before = problems.Count;
        var chain = ReadCertificates(options.CertificateFile, "CertificateFile", required: true, problems);
        var key = chain is { Count: > 0 } ? ReadKey(options, chain[0], problems) : null;
        if (chain is null)
        {
            // Still name a missing or unreadable key file, so one start reports both.
            _ = ReadText(options.KeyFile, "KeyFile", required: true, problems);
        }

        IReadOnlyList<BcCertificate> cas = [];
        if (!string.IsNullOrWhiteSpace(options.ClientCaFile))
        {
            cas = ReadCertificates(options.ClientCaFile, "ClientCaFile", required: true, problems)?.Select(der => new PlatformX509Certificate(der)).ToArray() ?? [];
        }

        IReadOnlyList<X509Crl> crls = [];
        if (!string.IsNullOrWhiteSpace(options.CrlFile))
        {
            if (string.IsNullOrWhiteSpace(options.ClientCaFile))
            {
                problems.Add($"{EapTlsOptions.Section}:CrlFile needs {EapTlsOptions.Section}:ClientCaFile");
            }

            crls = ReadCrls(options.CrlFile, problems);
        }

        if (problems.Count == before && chain is not null && key is { } loaded)
        {
            return new EapTlsMaterial(chain, loaded, cas, crls);
        }

        key?.Dispose();
        return null;
    }

    private static List<byte[]>? ReadCertificates(string? path, string name, bool required, List<string> problems)
    {
        var text = ReadText(path, name, required, problems);
        if (text is null)
        {
            return null;
        }

        var certificates = ReadPemBlocks(text, "CERTIFICATE");
        if (certificates.Count == 0)
        {
            problems.Add($"{EapTlsOptions.Section}:{name} ({path}) holds no PEM CERTIFICATE");
            return null;
        }

        foreach (var der in certificates)
        {
            try
            {
                _ = new BcCertificate(der);
            }
            catch (Exception exception) when (exception is ArgumentException or IOException or CertificateException)
            {
                problems.Add($"{EapTlsOptions.Section}:{name} ({path}) holds an unreadable certificate: {exception.Message}");
                return null;
            }
        }

        return certificates;
    }

    private static SafeOpenSslKeyHandle? ReadKey(EapTlsOptions options, byte[] certificateDer, List<string> problems)
    {
        var text = ReadText(options.KeyFile, "KeyFile", required: true, problems);
        if (text is null)
        {
            return null;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(certificateDer);
        var encrypted = text.Contains("-----BEGIN ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal);
        if (encrypted && string.IsNullOrEmpty(options.KeyPassword))
        {
            problems.Add($"{EapTlsOptions.Section}:KeyFile ({options.KeyFile}) is encrypted: set {EapTlsOptions.Section}:KeyPassword");
            return null;
        }

        if (text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal))
        {
            problems.Add($"{EapTlsOptions.Section}:KeyFile ({options.KeyFile}) uses the legacy OpenSSL encryption; convert it with 'openssl pkcs8 -topk8'");
            return null;
        }

        AsymmetricAlgorithm? key = null;
        try
        {
            key = certificate.GetKeyAlgorithm() switch
            {
                RsaOid => RSA.Create(),
                EcOid => ECDsa.Create(),
                var other => throw new NotSupportedException($"the certificate's key algorithm {other} is neither RSA nor ECDSA"),
            };
            if (encrypted)
            {
                key.ImportFromEncryptedPem(text, options.KeyPassword);
            }
            else
            {
                key.ImportFromPem(text);
            }

            var certificateKey = certificate.PublicKey.ExportSubjectPublicKeyInfo();
            if (!certificateKey.AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo()))
            {
                problems.Add($"{EapTlsOptions.Section}:KeyFile ({options.KeyFile}) does not match the certificate in {EapTlsOptions.Section}:CertificateFile");
                return null;
            }

            if (key is ECDsa ecdsa)
            {
                CheckCurve(ecdsa);
            }

            return ToOpenSsl(key);
        }
        catch (CryptographicException) when (encrypted)
        {
            // The exception text cannot hold the password, but says nothing useful either.
            problems.Add($"{EapTlsOptions.Section}:KeyFile ({options.KeyFile}) cannot be decrypted: wrong {EapTlsOptions.Section}:KeyPassword?");
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{EapTlsOptions.Section}:KeyFile ({options.KeyFile}) holds no usable private key: {exception.Message}");
        }
        finally
        {
            key?.Dispose();
        }

        return null;
    }

    // .NET parsed and checked the PEM (its password handling names problems well); OpenSSL gets the key as PKCS #8.
    private static unsafe SafeOpenSslKeyHandle ToOpenSsl(AsymmetricAlgorithm key)
    {
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            fixed (byte* start = pkcs8)
            {
                var cursor = start;
                OpenSslErrors.Clear();
                var loaded = LibCrypto.d2i_AutoPrivateKey(0, ref cursor, new CLong(pkcs8.Length));
                var reason = OpenSslErrors.Drain();
                return loaded.IsInvalid ? throw new CryptographicException($"OpenSSL refused the key: {reason}") : loaded;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    // TLS 1.3 signature schemes exist for these three curves only (RFC 8446 §4.2.3).
    private static void CheckCurve(ECDsa key)
    {
        var oid = key.ExportParameters(false).Curve.Oid;
        if (!SupportedCurves.Contains(oid.Value) && !SupportedCurves.Contains(oid.FriendlyName))
        {
            throw new NotSupportedException($"the ECDSA curve {oid.Value ?? oid.FriendlyName} is not P-256, P-384 or P-521");
        }
    }

    private static List<X509Crl> ReadCrls(string path, List<string> problems)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{EapTlsOptions.Section}:CrlFile ({path}) cannot be read: {exception.Message}");
            return [];
        }

        var text = System.Text.Encoding.ASCII.GetString(bytes);
        var blocks = text.Contains("-----BEGIN", StringComparison.Ordinal) ? ReadPemBlocks(text, "X509 CRL") : [bytes];
        List<X509Crl> crls = [];
        foreach (var der in blocks)
        {
            try
            {
                crls.Add(new PlatformX509Crl(der));
            }
            catch (Exception exception) when (exception is ArgumentException or IOException or CrlException)
            {
                problems.Add($"{EapTlsOptions.Section}:CrlFile ({path}) holds an unreadable CRL: {exception.Message}");
                return [];
            }
        }

        if (crls.Count == 0)
        {
            problems.Add($"{EapTlsOptions.Section}:CrlFile ({path}) holds no X509 CRL");
        }

        return crls;
    }

    private static string? ReadText(string? path, string name, bool required, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required)
            {
                problems.Add($"{EapTlsOptions.Section}:{name} must be set");
            }

            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{EapTlsOptions.Section}:{name} ({path}) cannot be read: {exception.Message}");
            return null;
        }
    }

    private static List<byte[]> ReadPemBlocks(string text, string label)
    {
        List<byte[]> blocks = [];
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            if (rest[fields.Label].SequenceEqual(label))
            {
                blocks.Add(Convert.FromBase64String(rest[fields.Base64Data].ToString()));
            }

            rest = rest[fields.Location.End..];
        }

        return blocks;
    }
}
