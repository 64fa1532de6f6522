namespace Orleans.Radius.Protocol.Eap;

/// <summary>Why bytes are not a well-formed EAP packet or method payload. Returned, never thrown.</summary>
public enum EapParseError : byte
{
    None = 0,

    /// <summary>Fewer than 4 bytes: no complete header.</summary>
    TooShort,

    /// <summary>The header's Length field is below 4.</summary>
    LengthFieldTooSmall,

    /// <summary>The header's Length field differs from the buffer's size (shorter or longer).</summary>
    LengthMismatch,

    /// <summary>A code outside 1–6.</summary>
    UnknownCode,

    /// <summary>An ERP Initiate/Finish packet (RFC 6696), which this library does not parse.</summary>
    UnsupportedCode,

    /// <summary>A Request or Response without its Type byte.</summary>
    MissingType,

    /// <summary>A Success or Failure longer than 4 bytes.</summary>
    SuccessFailureNotEmpty,

    /// <summary>An Expanded Type (254) without its full Vendor-Id and Vendor-Type.</summary>
    ExpandedTypeTruncated,

    /// <summary>Method data shorter than its fixed fields or its own size fields.</summary>
    TypeDataTooShort,

    /// <summary>A Value-Size that is zero or not the size the method fixes.</summary>
    InvalidValueSize,

    /// <summary>A Nak that is malformed (empty, or an Expanded Nak not made of 8-byte entries).</summary>
    InvalidNak,

    /// <summary>An EAP-MSCHAPv2 MS-Length that differs from the Type-Data length.</summary>
    MsLengthMismatch,

    /// <summary>An EAP-MSCHAPv2 OpCode unknown, or not valid in this direction.</summary>
    UnexpectedOpCode,

    /// <summary>A TLS-based method packet whose L flag is set but whose 4-byte length is cut.</summary>
    TlsMessageLengthTruncated,
}
