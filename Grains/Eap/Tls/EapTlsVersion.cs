namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>TLS versions the EAP methods may negotiate (older versions are never offered).</summary>
public enum EapTlsVersion
{
    Tls12 = 12,
    Tls13 = 13,
}
