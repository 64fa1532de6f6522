namespace Orleans.Radius.Protocol.Packets;

/// <summary>Why a datagram is not a well-formed RADIUS packet. Returned, never thrown.</summary>
public enum RadiusParseError : byte
{
    None = 0,

    /// <summary>Fewer than 20 bytes: no complete header.</summary>
    TooShort,

    /// <summary>More than 4096 bytes (RFC 2865 §3).</summary>
    TooLong,

    /// <summary>The header's Length field is outside 20–4096.</summary>
    LengthFieldOutOfRange,

    /// <summary>The header's Length field differs from the datagram's size.</summary>
    LengthMismatch,

    /// <summary>An attribute's Length field is below 2.</summary>
    AttributeLengthTooSmall,

    /// <summary>An attribute runs past the end of the packet (or its header is cut).</summary>
    AttributeOverrun,

    /// <summary>The code is not one this library knows.</summary>
    UnknownCode,
}
