namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>One Diameter AVP as EAP-TTLS carries it (RFC 5281 §10.1), a view into the decrypted tunnel data.</summary>
internal readonly ref struct DiameterAvp
{
    public const byte VendorFlag = 0x80;
    public const byte MandatoryFlag = 0x40;

    public DiameterAvp(uint code, byte flags, uint vendorId, ReadOnlySpan<byte> data)
    {
        Code = code;
        Flags = flags;
        VendorId = vendorId;
        Data = data;
    }

    public uint Code { get; }

    public byte Flags { get; }

    /// <summary>The Vendor-ID when the V flag is set; 0 (IETF) otherwise.</summary>
    public uint VendorId { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>M: the receiver must understand this AVP or fail the conversation.</summary>
    public bool IsMandatory => (Flags & MandatoryFlag) != 0;

    public bool Is(uint vendorId, uint code) => VendorId == vendorId && Code == code;
}
