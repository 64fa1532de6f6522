using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary><c>Eap:Tls</c> section: the server certificate, client-certificate trust and TLS framing of EAP-TLS, PEAP and TTLS.</summary>
public sealed class EapTlsOptions
{
    public const string Section = "Eap:Tls";

    /// <summary>
    /// Default TLS bytes per EAP fragment, chosen so that an Access-Challenge stays under a 1,500-byte MTU even
    /// over IPv6. 1,500 − 40 (IPv6) − 8 (UDP) = 1,452 bytes of RADIUS; minus the RADIUS header (20),
    /// Message-Authenticator (18), a State of up to 32 bytes (34) and 32 bytes kept for other attributes
    /// (Session-Timeout, Proxy-State) leaves 1,348 for EAP-Message attributes, which carry at most 253 bytes each
    /// behind a 2-byte header: an EAP packet of up to 1,336 bytes (6 attributes). The EAP header (5), the flags (1)
    /// and the TLS Message Length (4) leave 1,326; 1,300 keeps a margin.
    /// </summary>
    public const int DefaultFragmentSize = 1300;

    /// <summary>PEM file with the server certificate, optionally followed by its intermediate CA certificates.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>PEM file with the server's private key (RSA or ECDSA; PKCS#8, PKCS#1 or SEC1; encrypted PKCS#8 with <see cref="KeyPassword"/>).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Password of an encrypted PKCS#8 key file.</summary>
    public string? KeyPassword { get; set; }

    /// <summary>PEM bundle of the CA certificates that issue client certificates (EAP-TLS). Without it EAP-TLS is unavailable.</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>Optional PEM (or DER) file of CRLs: client certificates are then checked against the CRL of their issuer.</summary>
    public string? CrlFile { get; set; }

    /// <summary>
    /// EAP-TLS: the EAP identity must equal the client certificate's subject common name or one of its subjectAltName
    /// email, DNS or UPN values (exactly, case included, as user names are), else the conversation fails. Without it any
    /// valid certificate could claim any user name and that user's reply attributes.
    /// </summary>
    public bool RequireIdentityMatch { get; set; } = true;

    /// <summary>Most TLS bytes sent in one EAP-Request fragment.</summary>
    public int FragmentSize { get; set; } = DefaultFragmentSize;

    /// <summary>Largest TLS message accepted from a peer after reassembly (attacker controlled: a hard cap on memory).</summary>
    public int MaxMessageLength { get; set; } = EapTlsReassembler.DefaultMaxMessageLength;

    public EapTlsVersion MinVersion { get; set; } = EapTlsVersion.Tls12;

    public EapTlsVersion MaxVersion { get; set; } = EapTlsVersion.Tls13;

    /// <summary>True when a server certificate is configured, so the TLS-based methods can run.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificateFile) || !string.IsNullOrWhiteSpace(KeyFile);
}
