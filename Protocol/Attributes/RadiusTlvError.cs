namespace Orleans.Radius.Protocol.Attributes;

/// <summary>Why a TLV value (RFC 6929 §2.3) is malformed. Returned, never thrown.</summary>
public enum RadiusTlvError : byte
{
    None = 0,

    /// <summary>No TLVs at all: the tlv data type carries one or more.</summary>
    Empty,

    /// <summary>A single byte left where a 2-byte TLV header should be.</summary>
    HeaderTruncated,

    /// <summary>A TLV-Length below 3 (type, length and at least one value byte).</summary>
    LengthTooSmall,

    /// <summary>A TLV-Length that runs past the end of its container.</summary>
    Overrun,

    /// <summary>Opening one more level would nest deeper than the reader's cap.</summary>
    DepthExceeded,
}
