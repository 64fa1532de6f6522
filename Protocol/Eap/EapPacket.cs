namespace Orleans.Radius.Protocol.Eap;

/// <summary>Sizes and offsets of the EAP header (RFC 3748 §4).</summary>
public static class EapPacket
{
    /// <summary>Code, Identifier and the 2-byte Length.</summary>
    public const int HeaderLength = 4;

    /// <summary>Header plus the Type byte of a Request or Response.</summary>
    public const int TypeHeaderLength = HeaderLength + 1;

    /// <summary>Success and Failure carry nothing but the header (RFC 3748 §4.2).</summary>
    public const int SuccessFailureLength = HeaderLength;

    /// <summary>The Length field is 16 bits.</summary>
    public const int MaxLength = ushort.MaxValue;

    /// <summary>Type 254, 3-byte Vendor-Id, 4-byte Vendor-Type (RFC 3748 §5.7).</summary>
    public const int ExpandedTypeLength = 8;

    public const int CodeOffset = 0;
    public const int IdentifierOffset = 1;
    public const int LengthOffset = 2;
    public const int TypeOffset = 4;
}
