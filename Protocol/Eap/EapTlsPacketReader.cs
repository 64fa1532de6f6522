using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// A validated view of the Type-Data of an EAP-TLS, EAP-TTLS or PEAP packet: flags, version, the optional
/// TLS Message Length, and the fragment's data.
/// </summary>
public readonly ref struct EapTlsPacketReader
{
    private EapTlsPacketReader(byte flags, uint declaredLength, ReadOnlySpan<byte> data)
    {
        RawFlags = flags;
        DeclaredLength = declaredLength;
        Data = data;
    }

    /// <summary>The whole flags byte, version bits and reserved bits included.</summary>
    public byte RawFlags { get; }

    public EapTlsFlags Flags => (EapTlsFlags)RawFlags;

    /// <summary>The low three bits: the TTLS or PEAP version (reserved in EAP-TLS).</summary>
    public byte Version => (byte)(RawFlags & (byte)EapTlsFlags.VersionMask);

    public bool HasLength => (RawFlags & (byte)EapTlsFlags.LengthIncluded) != 0;

    public bool MoreFragments => (RawFlags & (byte)EapTlsFlags.MoreFragments) != 0;

    public bool IsStart => (RawFlags & (byte)EapTlsFlags.Start) != 0;

    /// <summary>
    /// The TLS Message Length when L is set (0 otherwise). Attacker controlled: a claim about data not yet
    /// received, to be checked against a cap before it means anything (see <see cref="EapTlsReassembler"/>).
    /// </summary>
    public uint DeclaredLength { get; }

    /// <summary>The TLS data of this fragment (empty for a Start or an ACK).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>True for an ACK: no Start, no L, no M, no data (RFC 5216 §2.1.5).</summary>
    public bool IsAck => (RawFlags & (byte)(EapTlsFlags.LengthIncluded | EapTlsFlags.MoreFragments | EapTlsFlags.Start)) == 0 && Data.IsEmpty;

    /// <summary>Splits Type-Data into flags, optional length and data; fails when the flags or the length is cut.</summary>
    public static EapParseError TryParse(ReadOnlySpan<byte> typeData, out EapTlsPacketReader reader)
    {
        reader = default;
        if (typeData.IsEmpty)
        {
            return EapParseError.TypeDataTooShort;
        }

        var flags = typeData[0];
        var rest = typeData[EapTlsPacket.FlagsLength..];
        uint declaredLength = 0;
        if ((flags & (byte)EapTlsFlags.LengthIncluded) != 0)
        {
            if (rest.Length < EapTlsPacket.MessageLengthFieldLength)
            {
                return EapParseError.TlsMessageLengthTruncated;
            }

            declaredLength = BinaryPrimitives.ReadUInt32BigEndian(rest);
            rest = rest[EapTlsPacket.MessageLengthFieldLength..];
        }

        reader = new EapTlsPacketReader(flags, declaredLength, rest);
        return EapParseError.None;
    }
}
