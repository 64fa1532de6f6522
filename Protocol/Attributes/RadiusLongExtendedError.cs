namespace Orleans.Radius.Protocol.Attributes;

/// <summary>Why a run of Long-Extended-Type attributes cannot be reassembled (RFC 6929 §2.2). Returned, never thrown.</summary>
public enum RadiusLongExtendedError : byte
{
    None = 0,

    /// <summary>The attribute at the offset is not type 245 or 246.</summary>
    NotLongExtended,

    /// <summary>An attribute header or value runs past the buffer, or a value has no Extended-Type and flags bytes.</summary>
    Malformed,

    /// <summary>The More flag is set on an attribute shorter than 255 bytes (RFC 6929 §2.2 forbids it).</summary>
    MoreOnShortFragment,

    /// <summary>The More flag is set on the last attribute of the buffer.</summary>
    MoreOnLast,

    /// <summary>The More flag is set but the next attribute has another type or Extended-Type.</summary>
    NotConsecutive,

    /// <summary>The reassembled data would exceed the cap of 4096 bytes.</summary>
    TooLarge,

    /// <summary>The reassembled data does not fit the caller's buffer.</summary>
    DestinationTooSmall,
}
