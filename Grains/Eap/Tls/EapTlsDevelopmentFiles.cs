namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>Where the development PKI lives: what the server loads and what a test peer (eapol_test) needs.</summary>
/// <param name="CaCertificateFile">The throw-away CA: the peer's <c>ca_cert</c> and the server's client CA.</param>
/// <param name="CertificateFile">The server certificate.</param>
/// <param name="KeyFile">The server key (unencrypted PKCS#8).</param>
/// <param name="ClientCertificateFile">A client certificate for EAP-TLS (<c>client_cert</c>).</param>
/// <param name="ClientKeyFile">Its key (<c>private_key</c>).</param>
/// <param name="Created">True when the files were made by this call, false when reused.</param>
public sealed record EapTlsDevelopmentFiles(
    string CaCertificateFile,
    string CertificateFile,
    string KeyFile,
    string ClientCertificateFile,
    string ClientKeyFile,
    bool Created);
