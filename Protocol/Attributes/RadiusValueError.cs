namespace Orleans.Radius.Protocol.Attributes;

/// <summary>Why an attribute value does not fit its RFC 8044 data type. Returned, never thrown.</summary>
public enum RadiusValueError : byte
{
    None = 0,

    /// <summary>The value's length is not one the type allows (e.g. an integer that is not 4 bytes).</summary>
    WrongLength,

    /// <summary>A reserved byte (the first byte of an ipv4prefix or ipv6prefix) is not zero.</summary>
    ReservedNotZero,

    /// <summary>A prefix length above 32 (ipv4prefix) or 128 (ipv6prefix).</summary>
    PrefixLengthOutOfRange,

    /// <summary>A prefix with a 1 bit past its prefix length (RFC 8044 §3.10, §3.11).</summary>
    BitsBeyondPrefix,

    /// <summary>Text that is not well-formed UTF-8 (RFC 8044 §3.4).</summary>
    InvalidUtf8,

    /// <summary>A container (TLV, VSA, extended) whose inner framing is broken.</summary>
    MalformedContainer,
}
