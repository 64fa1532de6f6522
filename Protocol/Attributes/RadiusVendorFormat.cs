namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// How a vendor lays out the sub-attributes of its Vendor-Specific attributes: FreeRADIUS's
/// <c>VENDOR name id format=t,l[,c]</c> with a type field of 1, 2 or 4 bytes and a length field of 0, 1 or 2 bytes.
/// </summary>
/// <remarks>
/// The length field counts the whole sub-attribute, header included. A length size of 0 means one sub-attribute
/// that fills the rest of the VSA (USR). The continuation flag (WiMAX, 1,1 only) adds a byte after the length whose
/// high bit says "more of this value follows in the next Vendor-Specific attribute".
/// </remarks>
public readonly record struct RadiusVendorFormat
{
    private RadiusVendorFormat(byte typeSize, byte lengthSize, bool hasContinuation)
    {
        TypeSize = typeSize;
        LengthSize = lengthSize;
        HasContinuation = hasContinuation;
    }

    /// <summary>RFC 2865 §5.26's suggested layout: 1-byte type, 1-byte length.</summary>
    public static RadiusVendorFormat Default { get; } = new(1, 1, false);

    /// <summary>US Robotics / 3Com: 4-byte type, no length.</summary>
    public static RadiusVendorFormat Usr { get; } = new(4, 0, false);

    /// <summary>Lucent: 2-byte type, 1-byte length.</summary>
    public static RadiusVendorFormat Lucent { get; } = new(2, 1, false);

    /// <summary>Starent: 2-byte type, 2-byte length.</summary>
    public static RadiusVendorFormat Starent { get; } = new(2, 2, false);

    /// <summary>WiMAX Forum: 1-byte type, 1-byte length, continuation byte.</summary>
    public static RadiusVendorFormat WiMax { get; } = new(1, 1, true);

    /// <summary>Bytes of the sub-attribute type: 1, 2 or 4 (0 only in an invalid <c>default</c> instance).</summary>
    public byte TypeSize { get; }

    /// <summary>Bytes of the sub-attribute length: 0, 1 or 2.</summary>
    public byte LengthSize { get; }

    /// <summary>True when a continuation byte follows the length (WiMAX).</summary>
    public bool HasContinuation { get; }

    /// <summary>Bytes before a sub-attribute's data.</summary>
    public int HeaderSize => TypeSize + LengthSize + (HasContinuation ? 1 : 0);

    /// <summary>False for <c>default(RadiusVendorFormat)</c> and any combination FreeRADIUS refuses.</summary>
    public bool IsValid => TypeSize is 1 or 2 or 4 && LengthSize is 0 or 1 or 2 && (!HasContinuation || (TypeSize == 1 && LengthSize == 1));

    /// <summary>Largest sub-attribute type this format can carry.</summary>
    public uint MaxType => TypeSize switch
    {
        1 => byte.MaxValue,
        2 => ushort.MaxValue,
        4 => uint.MaxValue,
        _ => 0,
    };

    /// <summary>Builds a format from a dictionary's <c>format=</c> numbers; false for a combination that is not allowed.</summary>
    public static bool TryCreate(int typeSize, int lengthSize, bool hasContinuation, out RadiusVendorFormat format)
    {
        format = new RadiusVendorFormat((byte)Math.Clamp(typeSize, 0, 255), (byte)Math.Clamp(lengthSize, 0, 255), hasContinuation);
        if (!format.IsValid)
        {
            format = default;
            return false;
        }

        return true;
    }
}
