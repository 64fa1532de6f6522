namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// A parsed MS-CHAP-Response vendor value (RFC 2548 §2.1.3): Ident(1) ‖ Flags(1) ‖ LM-Response(24) ‖ NT-Response(24).
/// </summary>
public readonly ref struct MsChapResponse
{
    /// <summary>Size of the vendor value (Vendor-Length 52 minus its 2-byte header).</summary>
    public const int ValueLength = 50;

    /// <summary>Flags value saying the NT-Response is to be used.</summary>
    public const byte UseNtResponse = 0x01;

    private readonly ReadOnlySpan<byte> _value;

    private MsChapResponse(ReadOnlySpan<byte> value) => _value = value;

    /// <summary>The whole vendor value; empty for a default instance.</summary>
    public ReadOnlySpan<byte> Value => _value;

    public byte Ident => _value[0];

    public byte Flags => _value[1];

    public ReadOnlySpan<byte> LmResponse => _value.Slice(2, 24);

    public ReadOnlySpan<byte> NtResponse => _value.Slice(26, 24);

    /// <summary>Views a vendor value; false unless it is exactly 50 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out MsChapResponse response)
    {
        response = value.Length == ValueLength ? new MsChapResponse(value) : default;
        return value.Length == ValueLength;
    }
}
