using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Orleans.Radius.Gateway.Hosting;

/// <summary>Loads <see cref="ClusterTlsOptions"/> and applies mutual TLS to a silo or a cluster client.</summary>
public static partial class ClusterTls
{
    /// <summary>Reads the <c>Cluster:Tls</c> section.</summary>
    public static ClusterTlsOptions Read(IConfiguration configuration) =>
        configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();

    /// <summary>Says loudly at start-up when a multi-node cluster (one on Valkey) talks in clear.</summary>
    public static void WarnIfPlaintext(ILogger logger, bool multiNode, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (multiNode && !options.IsConfigured)
        {
            Log.Plaintext(logger);
        }
    }

    /// <summary>Every problem with the <c>Cluster:Tls</c> files: missing, unreadable, or a key that does not match.</summary>
    public static IEnumerable<string> Problems(ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
        {
            return [];
        }

        List<string> problems = [];
        RequireFile(options.CertificateFile, "Cluster:Tls:CertificateFile", problems);
        RequireFile(options.KeyFile, "Cluster:Tls:KeyFile", problems);
        RequireFile(options.CaFile, "Cluster:Tls:CaFile", problems);
        if (problems.Count > 0)
        {
            return problems;
        }

        try
        {
            using var certificate = LoadCertificate(options);
            if (!certificate.HasPrivateKey)
            {
                problems.Add("Cluster:Tls:KeyFile does not hold the private key of Cluster:Tls:CertificateFile");
            }
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            problems.Add($"Cluster:Tls:CertificateFile/KeyFile cannot be loaded (wrong key, password or format): {exception.Message}");
        }

        try
        {
            if (LoadAuthorities(options).Count == 0)
            {
                problems.Add("Cluster:Tls:CaFile holds no certificate");
            }
        }
        catch (CryptographicException exception)
        {
            problems.Add($"Cluster:Tls:CaFile cannot be read as PEM certificates: {exception.Message}");
        }

        return problems;
    }

    /// <summary>Silo side: TLS on silo-to-silo and gateway links, peers required to present a trusted certificate.</summary>
    public static void Apply(ISiloBuilder silo, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        silo.UseTls(LoadCertificate(options), tls => Configure(tls, LoadAuthorities(options)));
    }

    /// <summary>Client side (gateways): the same, towards the silos' gateway endpoints.</summary>
    public static void Apply(IClientBuilder client, ClusterTlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        client.UseTls(LoadCertificate(options), tls => Configure(tls, LoadAuthorities(options)));
    }

    /// <summary>Whether <paramref name="certificate"/> chains to one of <paramref name="authorities"/> and is valid now.</summary>
    public static bool IsTrusted(X509Certificate2 certificate, X509Certificate2Collection authorities, X509Chain? presented = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            // Intermediates the peer sent with its certificate.
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    private static void Configure(TlsOptions tls, X509Certificate2Collection authorities)
    {
        tls.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        tls.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;

        // Nodes dial each other by IP: the name is not checked, the issuing CA is.
        tls.OnAuthenticateAsClient = (_, ssl) => ssl.TargetHost = "orleans-radius-cluster";
        tls.RemoteCertificateValidation = (certificate, chain, errors) =>
            certificate is not null
            && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0
            && IsTrusted(certificate, authorities, chain);
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        var certificate = string.IsNullOrEmpty(options.KeyPassword)
            ? X509Certificate2.CreateFromPemFile(options.CertificateFile!, options.KeyFile)
            : X509Certificate2.CreateFromEncryptedPemFile(options.CertificateFile!, options.KeyPassword, options.KeyFile);

        // Re-import so the key is not ephemeral, which SslStream cannot use as a server on every platform.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }

    private static X509Certificate2Collection LoadAuthorities(ClusterTlsOptions options)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(options.CaFile!);
        return authorities;
    }

    private static void RequireFile(string? path, string key, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{key} is required when any Cluster:Tls setting is given");
        }
        else if (!File.Exists(path))
        {
            problems.Add($"{key} '{path}' does not exist");
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message =
            "Cluster links are not encrypted: requests, PAP passwords included, cross the network between gateways and silos in clear. Set Cluster:Tls:CertificateFile, KeyFile and CaFile on every node unless that network is private to them.")]
        public static partial void Plaintext(ILogger logger);
    }
}
