using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// BouncyCastle's server side of one handshake, configured for EAP: the versions allowed, cipher suites and
/// signature schemes that match the server key, a client certificate request for EAP-TLS, and key export at
/// the only moment the secrets exist.
/// </summary>
internal sealed class EapTlsServer : DefaultTlsServer
{
    private static readonly int[] Tls13Suites =
    [
        CipherSuite.TLS_AES_128_GCM_SHA256,
        CipherSuite.TLS_AES_256_GCM_SHA384,
        CipherSuite.TLS_CHACHA20_POLY1305_SHA256,
    ];

    // Forward-secret suites only; CBC kept for older supplicants that lack GCM.
    private static readonly int[] RsaSuites =
    [
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    ];

    private static readonly int[] EcdsaSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    ];

    private readonly EapTlsServerSetup _setup;
    private readonly EapTlsMaterial _material;
    private readonly EapTlsServerSettings _settings;

    public EapTlsServer(EapTlsServerSetup setup, EapTlsServerSettings settings)
        : base(setup.Crypto)
    {
        _setup = setup;
        _material = setup.Material;
        _settings = settings;
    }

    /// <summary>Set once the handshake completed.</summary>
    public EapTlsKeys? Keys { get; private set; }

    /// <summary>The verdict on the client certificate (EAP-TLS), once one was received.</summary>
    public ClientCertificateCheck? ClientCertificate { get; private set; }

    /// <summary>The last fatal alert this side raised or received, for the log.</summary>
    public string? LastAlert { get; private set; }

    protected override ProtocolVersion[] GetSupportedVersions()
    {
        var high = _settings.MaxVersion == EapTlsVersion.Tls13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        var low = _settings.MinVersion == EapTlsVersion.Tls13 ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
        return high.DownTo(low);
    }

    protected override int[] GetSupportedCipherSuites()
    {
        var suites = _material.KeyKind == EapTlsKeyKind.Rsa ? RsaSuites : EcdsaSuites;
        return TlsUtilities.GetSupportedCipherSuites(Crypto, [.. Tls13Suites, .. suites]);
    }

    public override TlsCredentials GetCredentials()
    {
        var tls13 = TlsUtilities.IsTlsV13(m_context);
        var algorithm = EapTlsSignatureSchemes.Choose(_material.KeyKind, tls13, m_context.SecurityParameters.ClientSigAlgs)
            ?? throw new TlsFatalAlert(AlertDescription.handshake_failure, "no signature scheme in common with the peer");
        var certificate = tls13 ? _setup.Tls13Certificate : _setup.Tls12Certificate;
        return new DefaultTlsCredentialedSigner(new TlsCryptoParameters(m_context), _setup.Signer, certificate, algorithm);
    }

    public override CertificateRequest? GetCertificateRequest()
    {
        if (!_settings.RequestClientCertificate)
        {
            return null;
        }

        var algorithms = TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context);
        IList<X509Name> authorities = [.. _material.ClientCas.Select(ca => ca.SubjectDN)];
        return TlsUtilities.IsTlsV13(m_context)
            ? new CertificateRequest(TlsUtilities.EmptyBytes, algorithms, null, authorities)
            : new CertificateRequest([ClientCertificateType.rsa_sign, ClientCertificateType.ecdsa_sign], algorithms, authorities);
    }

    public override void NotifyClientCertificate(Certificate clientCertificate)
    {
        var chain = clientCertificate is null ? [] : clientCertificate.GetCertificateList().Select(entry => entry.GetEncoded()).ToArray();
        var check = _setup.ClientValidator is null
            ? ClientCertificateCheck.Refuse(string.Empty, "no client CA configured", AlertDescription.unknown_ca)
            : _setup.ClientValidator.Validate(chain, _setup.Time.GetUtcNow().UtcDateTime);
        ClientCertificate = check;
        if (!check.Accepted)
        {
            // certificate_required exists only in TLS 1.3; RFC 5246 §7.4.6 answers a missing one with handshake_failure.
            var alert = check.Alert == AlertDescription.certificate_required && !TlsUtilities.IsTlsV13(m_context)
                ? AlertDescription.handshake_failure
                : check.Alert;
            throw new TlsFatalAlert(alert, check.Reason);
        }
    }

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();

        // BouncyCastle wipes the master secret when this returns: export now or never.
        Keys = EapTlsKeyExport.Export(m_context, _settings.Method);
    }

    public override void NotifyAlertRaised(short alertLevel, short alertDescription, string message, Exception cause)
    {
        if (alertLevel == AlertLevel.fatal)
        {
            LastAlert = $"sent {AlertDescription.GetText(alertDescription)}{(message is null ? string.Empty : ": " + message)}";
        }
    }

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        if (alertLevel == AlertLevel.fatal)
        {
            LastAlert = $"received {AlertDescription.GetText(alertDescription)}";
        }
    }
}

/// <summary>What one handshake allows and asks for.</summary>
/// <param name="Method">The EAP method, which picks the key-export labels.</param>
/// <param name="MinVersion">Lowest TLS version accepted.</param>
/// <param name="MaxVersion">Highest TLS version offered.</param>
/// <param name="RequestClientCertificate">EAP-TLS: require a client certificate.</param>
internal sealed record EapTlsServerSettings(EapType Method, EapTlsVersion MinVersion, EapTlsVersion MaxVersion, bool RequestClientCertificate);
