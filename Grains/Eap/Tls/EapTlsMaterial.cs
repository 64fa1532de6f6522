using Org.BouncyCastle.X509;
using Orleans.Radius.Grains.Eap.Tls.OpenSsl;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// The certificate material of the TLS-based methods, read once per silo: the server chain and key, and the
/// trust (CA certificates, CRLs) for client certificates. Immutable and shared by every conversation.
/// </summary>
internal sealed class EapTlsMaterial : IDisposable
{
    public EapTlsMaterial(IReadOnlyList<byte[]> serverChain, SafeOpenSslKeyHandle privateKey, IReadOnlyList<X509Certificate> clientCas, IReadOnlyList<X509Crl> crls)
    {
        ServerChain = serverChain;
        PrivateKey = privateKey;
        ClientCas = clientCas;
        Crls = crls;
    }

    /// <summary>DER of the server certificate first, then its intermediates.</summary>
    public IReadOnlyList<byte[]> ServerChain { get; }

    /// <summary>The server's private key, loaded into OpenSSL once; each server context takes its own reference.</summary>
    public SafeOpenSslKeyHandle PrivateKey { get; }

    /// <summary>Trust anchors for client certificates; empty when EAP-TLS is not configured.</summary>
    public IReadOnlyList<X509Certificate> ClientCas { get; }

    /// <summary>CRLs of the client CAs; empty when no CRL file is configured.</summary>
    public IReadOnlyList<X509Crl> Crls { get; }

    /// <summary>True when a CRL file was configured: the leaf's issuer must then have a current CRL.</summary>
    public bool CheckRevocation => Crls.Count > 0;

    public void Dispose() => PrivateKey.Dispose();
}
