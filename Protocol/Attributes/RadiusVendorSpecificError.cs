namespace Orleans.Radius.Protocol.Attributes;

/// <summary>Why a Vendor-Specific value is malformed. Returned, never thrown.</summary>
public enum RadiusVendorSpecificError : byte
{
    None = 0,

    /// <summary>Fewer than 4 bytes: no Vendor-Id.</summary>
    TooShort,

    /// <summary>The Vendor-Id's high byte is not zero (RFC 2865 §5.26: it is a 3-byte SMI code in 4 bytes).</summary>
    VendorIdHighByteNotZero,

    /// <summary>A Vendor-Id and nothing after it.</summary>
    NoSubAttributes,

    /// <summary>The <see cref="RadiusVendorFormat"/> passed in is not a valid format.</summary>
    InvalidFormat,

    /// <summary>A sub-attribute's header runs past the end of the VSA.</summary>
    HeaderTruncated,

    /// <summary>A sub-attribute's length is smaller than its own header.</summary>
    LengthTooSmall,

    /// <summary>A sub-attribute's length runs past the end of the VSA.</summary>
    Overrun,

    /// <summary>A continuation byte with any bit besides the More flag set.</summary>
    ContinuationReservedBitsSet,
}
