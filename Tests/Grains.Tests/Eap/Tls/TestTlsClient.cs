using System.Security.Cryptography.X509Certificates;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using HashAlgorithm = Org.BouncyCastle.Tls.HashAlgorithm;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>
/// The peer's TLS client (BouncyCastle), pinned to one version, with an optional client certificate. It exports
/// the EAP keys with the labels written out here, independently of the server code.
/// </summary>
internal sealed class TestTlsClient : DefaultTlsClient
{
    private readonly ProtocolVersion _version;
    private readonly X509Certificate2? _clientCertificate;
    private readonly byte[] _expectedServerCertificate;
    private readonly byte _methodType;
    private readonly int[]? _groups;

    public TestTlsClient(ProtocolVersion version, byte methodType, byte[] expectedServerCertificate, X509Certificate2? clientCertificate, int[]? groups = null)
        : base(new BcTlsCrypto(new SecureRandom()))
    {
        _version = version;
        _methodType = methodType;
        _expectedServerCertificate = expectedServerCertificate;
        _clientCertificate = clientCertificate;
        _groups = groups;
    }

    /// <summary>MSK ‖ EMSK as the peer derived them.</summary>
    public byte[]? KeyMaterial { get; private set; }

    /// <summary>EAP-TTLS: the 17 bytes of "ttls challenge".</summary>
    public byte[]? TtlsChallenge { get; private set; }

    public bool IsTls13 => TlsUtilities.IsTlsV13(m_context);

    public bool ServerCertificateMatched { get; private set; }

    /// <summary>The key-exchange group the server chose.</summary>
    public int NegotiatedGroup { get; private set; }

    protected override ProtocolVersion[] GetSupportedVersions() => _version.Only();

    // The groups offered, in order; BouncyCastle's default list (X25519 first) when none were given.
    protected override IList<int> GetSupportedGroups(IList<int> namedGroupRoles) => _groups ?? base.GetSupportedGroups(namedGroupRoles);

    public override TlsAuthentication GetAuthentication() => new Authentication(this);

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        var parameters = m_context.SecurityParameters;
        NegotiatedGroup = parameters.NegotiatedGroup;
        if (TlsUtilities.IsTlsV13(m_context))
        {
            KeyMaterial = m_context.ExportKeyingMaterial("EXPORTER_EAP_TLS_Key_Material", [_methodType], 128);
            TtlsChallenge = m_context.ExportKeyingMaterial("ttls challenge", null, 17);
            return;
        }

        byte[] seed = [.. parameters.ClientRandom, .. parameters.ServerRandom];
        var label = _methodType == 21 ? "ttls keying material" : "client EAP encryption";
        KeyMaterial = TlsUtilities.Prf(parameters, parameters.MasterSecret, label, seed, 128).Extract();
        TtlsChallenge = TlsUtilities.Prf(parameters, parameters.MasterSecret, "ttls challenge", seed, 17).Extract();
    }

    private sealed class Authentication(TestTlsClient client) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
            var leaf = serverCertificate.Certificate.GetCertificateAt(0).GetEncoded();
            client.ServerCertificateMatched = leaf.AsSpan().SequenceEqual(client._expectedServerCertificate);
            if (!client.ServerCertificateMatched)
            {
                throw new TlsFatalAlert(AlertDescription.bad_certificate);
            }
        }

        public TlsCredentials? GetClientCredentials(Org.BouncyCastle.Tls.CertificateRequest certificateRequest)
        {
            if (client._clientCertificate is not { } certificate)
            {
                return null;
            }

            var context = client.m_context;
            var crypto = (BcTlsCrypto)client.Crypto;
            var rsa = certificate.GetRSAPrivateKey();
            using var ecdsa = certificate.GetECDsaPrivateKey();
            byte[] pkcs8;
            using (rsa)
            {
                pkcs8 = rsa is not null ? rsa.ExportPkcs8PrivateKey() : ecdsa!.ExportPkcs8PrivateKey();
            }

            var key = PrivateKeyFactory.CreateKey(pkcs8);
            var tls13 = TlsUtilities.IsTlsV13(context);
            var algorithm = rsa is not null
                ? tls13 ? SignatureAndHashAlgorithm.rsa_pss_rsae_sha256 : new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa)
                : new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
            TlsCertificate entry = crypto.CreateCertificate(certificate.RawData);
            var chain = tls13
                ? new Certificate(certificateRequest.GetCertificateRequestContext(), [new CertificateEntry(entry, null)])
                : new Certificate([entry]);
            return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, key, chain, algorithm);
        }
    }
}
