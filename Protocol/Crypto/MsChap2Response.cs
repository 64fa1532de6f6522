namespace Orleans.Radius.Protocol.Crypto;

/// <summary>
/// A parsed MS-CHAP2-Response vendor value (RFC 2548 §2.3.2):
/// Ident(1) ‖ Flags(1) ‖ Peer-Challenge(16) ‖ Reserved(8) ‖ NT-Response(24).
/// </summary>
/// <remarks>Flags and Reserved "MUST be zero" but carry nothing, so they are not checked.</remarks>
public readonly ref struct MsChap2Response
{
    /// <summary>Size of the vendor value (Vendor-Length 52 minus its 2-byte header).</summary>
    public const int ValueLength = 50;

    private readonly ReadOnlySpan<byte> _value;

    private MsChap2Response(ReadOnlySpan<byte> value) => _value = value;

    /// <summary>The whole vendor value; empty for a default instance.</summary>
    public ReadOnlySpan<byte> Value => _value;

    public byte Ident => _value[0];

    public byte Flags => _value[1];

    public ReadOnlySpan<byte> PeerChallenge => _value.Slice(2, 16);

    public ReadOnlySpan<byte> NtResponse => _value.Slice(26, 24);

    /// <summary>Views a vendor value; false unless it is exactly 50 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> value, out MsChap2Response response)
    {
        response = value.Length == ValueLength ? new MsChap2Response(value) : default;
        return value.Length == ValueLength;
    }
}
