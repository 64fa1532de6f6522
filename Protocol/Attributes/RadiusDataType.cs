namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Attribute data types of RFC 8044 §3, plus the FreeRADIUS dictionary names that map onto them
/// (<c>byte</c>, <c>short</c>, <c>signed</c>, <c>ether</c>, <c>ipaddr</c>, <c>date</c>, …).
/// </summary>
public enum RadiusDataType : byte
{
    /// <summary>Not a known type: the value is kept as raw octets.</summary>
    Unknown = 0,

    /// <summary>32-bit unsigned, big-endian (RFC 8044 §3.1).</summary>
    Integer,

    /// <summary>32-bit unsigned whose values are named in the dictionary (RFC 8044 §3.2).</summary>
    Enum,

    /// <summary>32-bit seconds since 1970-01-01 UTC (RFC 8044 §3.3).</summary>
    Time,

    /// <summary>UTF-8 text, no terminator (RFC 8044 §3.4).</summary>
    Text,

    /// <summary>Opaque binary data (RFC 8044 §3.5, "string" in RFC 2865).</summary>
    String,

    /// <summary>Bytes shown as hex (FreeRADIUS "octets"; same wire format as <see cref="String"/>).</summary>
    Octets,

    /// <summary>Prefix 32-bit IPv4 address (RFC 8044 §3.8).</summary>
    IPv4Address,

    /// <summary>128-bit IPv6 address (RFC 8044 §3.9).</summary>
    IPv6Address,

    /// <summary>Reserved byte, prefix length, prefix bytes (RFC 8044 §3.10, RFC 3162 §2.3).</summary>
    IPv6Prefix,

    /// <summary>Reserved byte, prefix length, 4 address bytes (RFC 8044 §3.11, RFC 6572).</summary>
    IPv4Prefix,

    /// <summary>64-bit interface identifier (RFC 8044 §3.7).</summary>
    InterfaceId,

    /// <summary>64-bit unsigned, big-endian (RFC 8044 §3.12).</summary>
    Integer64,

    /// <summary>Nested attributes (RFC 8044 §3.13, RFC 6929 §2.3).</summary>
    Tlv,

    /// <summary>Vendor-Specific container (RFC 8044 §3.14).</summary>
    Vsa,

    /// <summary>Extended-type container (RFC 8044 §3.15, RFC 6929).</summary>
    Extended,

    /// <summary>Long-extended-type container with the More flag (RFC 8044 §3.16, RFC 6929).</summary>
    LongExtended,

    /// <summary>Unsigned 8-bit (FreeRADIUS "byte").</summary>
    Byte,

    /// <summary>Unsigned 16-bit, big-endian (FreeRADIUS "short").</summary>
    Short,

    /// <summary>Signed 32-bit, big-endian (FreeRADIUS "signed").</summary>
    Signed,

    /// <summary>6-byte MAC address (FreeRADIUS "ether").</summary>
    Ether,

    /// <summary>4-byte IPv4 or 16-byte IPv6 address (FreeRADIUS "combo-ip").</summary>
    ComboIPAddress,

    /// <summary>Attribute payload in the extended "evs" vendor format (RFC 6929 §2.4).</summary>
    ExtendedVendorSpecific,
}
