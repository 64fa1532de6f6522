using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>What one handshake allows and asks for.</summary>
/// <param name="Method">The EAP method, which picks the key-export labels.</param>
/// <param name="MinVersion">Lowest TLS version accepted.</param>
/// <param name="MaxVersion">Highest TLS version offered.</param>
/// <param name="RequestClientCertificate">EAP-TLS: require a client certificate.</param>
internal sealed record EapTlsServerSettings(EapType Method, EapTlsVersion MinVersion, EapTlsVersion MaxVersion, bool RequestClientCertificate);
