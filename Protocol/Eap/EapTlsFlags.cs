namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// The flags byte of EAP-TLS (RFC 5216 §3.1), EAP-TTLS (RFC 5281 §9.1) and PEAP: L, M, S in the top bits,
/// the method version in the low three bits for TTLS and PEAP (reserved, zero, for EAP-TLS).
/// </summary>
[Flags]
public enum EapTlsFlags : byte
{
    None = 0,

    /// <summary>L: a 4-byte TLS Message Length follows the flags.</summary>
    LengthIncluded = 0x80,

    /// <summary>M: more fragments of this TLS message follow.</summary>
    MoreFragments = 0x40,

    /// <summary>S: the server's EAP-TLS/TTLS/PEAP Start.</summary>
    Start = 0x20,

    /// <summary>The bits holding the TTLS or PEAP version.</summary>
    VersionMask = 0x07,
}
