namespace Orleans.Radius.Protocol.Eap;

/// <summary>An Expanded Type (RFC 3748 §5.7): a 24-bit SMI vendor number and a 32-bit vendor method.</summary>
public readonly record struct EapExpandedType(uint VendorId, uint VendorType)
{
    /// <summary>Largest Vendor-Id: the field is 3 bytes.</summary>
    public const uint MaxVendorId = 0xFF_FFFF;

    /// <summary>Vendor-Id 0 is the IETF; its Vendor-Types are the ordinary method numbers.</summary>
    public const uint IetfVendorId = 0;

    /// <summary>The Expanded Nak (RFC 3748 §5.3.2): IETF vendor, Vendor-Type 3.</summary>
    public static EapExpandedType Nak => new(IetfVendorId, (uint)EapType.Nak);

    /// <summary>An IETF method written in the expanded form.</summary>
    public static EapExpandedType FromType(EapType type) => new(IetfVendorId, (byte)type);
}
