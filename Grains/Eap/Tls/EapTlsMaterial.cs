using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.X509;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>
/// The certificate material of the TLS-based methods, read once per silo: the server chain and key, and the
/// trust (CA certificates, CRLs) for client certificates. Immutable and shared by every conversation.
/// </summary>
internal sealed class EapTlsMaterial
{
    public EapTlsMaterial(IReadOnlyList<byte[]> serverChain, AsymmetricKeyParameter privateKey, EapTlsKeyKind keyKind, IReadOnlyList<X509Certificate> clientCas, IReadOnlyList<X509Crl> crls)
    {
        ServerChain = serverChain;
        PrivateKey = privateKey;
        KeyKind = keyKind;
        ClientCas = clientCas;
        Crls = crls;
    }

    /// <summary>DER of the server certificate first, then its intermediates.</summary>
    public IReadOnlyList<byte[]> ServerChain { get; }

    public AsymmetricKeyParameter PrivateKey { get; }

    public EapTlsKeyKind KeyKind { get; }

    /// <summary>Trust anchors for client certificates; empty when EAP-TLS is not configured.</summary>
    public IReadOnlyList<X509Certificate> ClientCas { get; }

    /// <summary>CRLs of the client CAs; empty when no CRL file is configured.</summary>
    public IReadOnlyList<X509Crl> Crls { get; }

    /// <summary>True when a CRL file was configured: the leaf's issuer must then have a current CRL.</summary>
    public bool CheckRevocation => Crls.Count > 0;
}
