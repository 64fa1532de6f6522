namespace Orleans.Radius.Protocol.Attributes;

/// <summary>Why attributes split across a packet (EAP-Message, FreeRADIUS "concat") cannot be joined. Returned, never thrown.</summary>
public enum RadiusConcatError : byte
{
    None = 0,

    /// <summary>The packet has no attribute of the type.</summary>
    Missing,

    /// <summary>Attributes of the type are separated by another attribute (RFC 3579 §3.1: they MUST be consecutive).</summary>
    NotConsecutive,

    /// <summary>The joined value would exceed the caller's cap.</summary>
    TooLarge,

    /// <summary>The joined value does not fit the caller's buffer.</summary>
    DestinationTooSmall,

    /// <summary>An attribute header or value runs past the end of the buffer.</summary>
    Malformed,

    /// <summary>The joined EAP-Message is shorter than the 4-byte EAP header (RFC 3748 §4).</summary>
    EapHeaderTruncated,

    /// <summary>The EAP header's Length field differs from the joined size.</summary>
    EapLengthMismatch,
}
