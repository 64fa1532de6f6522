namespace Orleans.Radius.Protocol.Packets;

/// <summary>Sizes and offsets of the RADIUS header (RFC 2865 §3).</summary>
public static class RadiusPacket
{
    public const int HeaderLength = 20;
    public const int MinLength = HeaderLength;

    /// <summary>Largest packet RFC 2865 §3 allows.</summary>
    public const int MaxLength = 4096;

    public const int CodeOffset = 0;
    public const int IdentifierOffset = 1;
    public const int LengthOffset = 2;
    public const int AuthenticatorOffset = 4;
    public const int AuthenticatorLength = 16;

    /// <summary>Largest attribute value: the attribute length byte counts its 2-byte header.</summary>
    public const int MaxAttributeValueLength = 253;
}
