namespace Orleans.Radius.Grains.Eap.Tls;

/// <summary>The server key's algorithm, which decides the cipher suites and signature schemes offered.</summary>
public enum EapTlsKeyKind
{
    Rsa,
    EcdsaP256,
    EcdsaP384,
    EcdsaP521,
}
