using System.Runtime.InteropServices;
using Orleans.Radius.Grains.Eap.Tls.OpenSsl;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// What every handshake of a silo shares, built once with the certificate material: OpenSSL's server context (the
/// certificate chain and key, versions, suites, groups, the CA names of a certificate request), the client-certificate
/// validator and the clock. OpenSSL contexts are safe to share between threads; each connection holds a reference.
/// </summary>
internal sealed class EapTlsServerSetup : IDisposable
{
    // Forward-secret suites only; CBC kept for older supplicants that lack GCM. The key picks RSA or ECDSA among them.
    private const string Tls12Suites =
        "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
        + "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:"
        + "ECDHE-ECDSA-AES256-SHA384:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-RSA-AES256-SHA";

    private const string Tls13Suites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";

    private const string Groups = "X25519:P-256:P-384:P-521";

    // Level 2: RSA and DH keys of at least 2048 bits, no SHA-1 signatures, whatever the system's openssl.cnf says.
    private const int SecurityLevel = 2;

    public EapTlsServerSetup(EapTlsMaterial material, ClientCertificateValidator? clientValidator, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(material);
        ClientValidator = clientValidator;
        Time = time;
        OpenSslErrors.Clear();
        Context = LibSsl.SSL_CTX_new(LibSsl.TLS_server_method());
        try
        {
            Configure(Context, material);
        }
        catch
        {
            Context.Dispose();
            throw;
        }
    }

    /// <summary>The server context every connection of this silo is made from.</summary>
    public SafeSslContextHandle Context { get; }

    public ClientCertificateValidator? ClientValidator { get; }

    public TimeProvider Time { get; }

    public void Dispose() => Context.Dispose();

    private static unsafe void Configure(SafeSslContextHandle context, EapTlsMaterial material)
    {
        Check(!context.IsInvalid, "SSL_CTX_new");
        LibSsl.SSL_CTX_set_security_level(context, SecurityLevel);
        Check(LibSsl.SSL_CTX_ctrl(context, LibSsl.CtrlSetMinProtocolVersion, new CLong(LibSsl.Tls12Version), 0).Value == 1, "minimum version");
        Check(LibSsl.SSL_CTX_ctrl(context, LibSsl.CtrlSetMaxProtocolVersion, new CLong(LibSsl.Tls13Version), 0).Value == 1, "maximum version");

        // No resumption: no tickets (TLS 1.2 or 1.3), no session cache; no renegotiation, no compression.
        LibSsl.SSL_CTX_set_options(context, LibSsl.OptionNoTicket | LibSsl.OptionNoRenegotiation | LibSsl.OptionNoCompression | LibSsl.OptionCipherServerPreference);
        _ = LibSsl.SSL_CTX_ctrl(context, LibSsl.CtrlSetSessionCacheMode, new CLong(0), 0);
        Check(LibSsl.SSL_CTX_set_num_tickets(context, 0) == 1, "SSL_CTX_set_num_tickets");
        Check(LibSsl.SSL_CTX_set_cipher_list(context, Tls12Suites) == 1, "TLS 1.2 cipher suites");
        Check(LibSsl.SSL_CTX_set_ciphersuites(context, Tls13Suites) == 1, "TLS 1.3 cipher suites");
        Check(LibSsl.SSL_CTX_ctrl_string(context, LibSsl.CtrlSetGroupsList, new CLong(0), Groups).Value == 1, "groups");

        using (var leaf = Certificate(material.ServerChain[0]))
        {
            Check(LibSsl.SSL_CTX_use_certificate(context, leaf) == 1, "server certificate");
        }

        foreach (var der in material.ServerChain.Skip(1))
        {
            // SSL_CTX_add1_chain_cert: the context takes its own reference.
            using var intermediate = Certificate(der);
            Check(LibSsl.SSL_CTX_ctrl(context, LibSsl.CtrlChainCertificate, new CLong(1), intermediate.DangerousGetHandle()).Value == 1, "intermediate certificate");
        }

        Check(LibSsl.SSL_CTX_use_PrivateKey(context, material.PrivateKey) == 1, "private key");
        Check(LibSsl.SSL_CTX_check_private_key(context) == 1, "private key matching the certificate");
        foreach (var ca in material.ClientCas)
        {
            // The names a certificate request lists; only EAP-TLS connections send one.
            using var certificate = Certificate(ca.GetEncoded());
            Check(LibSsl.SSL_CTX_add_client_CA(context, certificate) == 1, "client CA name");
        }

        LibSsl.SSL_CTX_set_cert_verify_callback(context, &EapTlsSession.VerifyClientCertificate, 0);
        OpenSslErrors.Clear();
    }

    /// <summary>An OpenSSL certificate from DER the loader has already parsed.</summary>
    internal static unsafe SafeX509Handle Certificate(byte[] der)
    {
        fixed (byte* start = der)
        {
            var cursor = start;
            var certificate = LibCrypto.d2i_X509(0, ref cursor, new CLong(der.Length));
            Check(!certificate.IsInvalid, "certificate");
            return certificate;
        }
    }

    private static void Check(bool succeeded, string what)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException($"OpenSSL refused the EAP TLS {what}: {OpenSslErrors.Drain() ?? "no reason given"}");
        }
    }
}
