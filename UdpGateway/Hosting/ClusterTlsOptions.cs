namespace Orleans.Radius.Gateway.Hosting;

/// <summary>
/// <c>Cluster:Tls</c> section: mutual TLS on every cluster link (silo to silo, gateway to silo). Each node
/// presents its certificate and accepts only peers whose certificate chains to <see cref="CaFile"/>.
/// </summary>
/// <remarks>
/// Without it, requests cross the cluster network in clear, PAP passwords included. Use a CA that issues
/// certificates to cluster nodes only: trust is the CA, not a host name, since nodes reach each other by IP.
/// </remarks>
public sealed class ClusterTlsOptions
{
    public const string Section = "Cluster:Tls";

    /// <summary>This node's certificate (PEM), optionally followed by its intermediates.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>This node's private key (PEM, PKCS#8 or PKCS#1/SEC1; encrypted PKCS#8 with <see cref="KeyPassword"/>).</summary>
    public string? KeyFile { get; set; }

    public string? KeyPassword { get; set; }

    /// <summary>The CA certificate(s) (PEM bundle) every peer's certificate must chain to.</summary>
    public string? CaFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificateFile) || !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(CaFile);
}
