using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// A validated, zero-copy view of one EAP packet (RFC 3748 §4). <see cref="TryParse"/> checks every length
/// before anything is exposed, so the properties cannot read out of bounds.
/// </summary>
public readonly ref struct EapPacketReader
{
    private readonly ReadOnlySpan<byte> _packet;

    private EapPacketReader(ReadOnlySpan<byte> packet) => _packet = packet;

    /// <summary>The whole packet, header included.</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    public EapCode Code => (EapCode)_packet[EapPacket.CodeOffset];

    public byte Identifier => _packet[EapPacket.IdentifierOffset];

    public int Length => _packet.Length;

    /// <summary>True for a Request or Response, which carry a Type.</summary>
    public bool HasType => _packet.Length > EapPacket.TypeOffset;

    /// <summary>The method type; <see cref="EapType.Expanded"/> means see <see cref="ExpandedType"/>.</summary>
    public EapType Type => HasType ? (EapType)_packet[EapPacket.TypeOffset] : default;

    /// <summary>Everything after the Type byte (for an Expanded Type this starts with the vendor fields).</summary>
    public ReadOnlySpan<byte> TypeData => HasType ? _packet[EapPacket.TypeHeaderLength..] : [];

    /// <summary>True when the Type is 254 and the vendor fields (validated by the parser) follow.</summary>
    public bool IsExpanded => Type == EapType.Expanded;

    /// <summary>The method as an expanded pair: the vendor fields for Type 254, the IETF vendor otherwise.</summary>
    public EapExpandedType ExpandedType => IsExpanded
        ? new EapExpandedType(ReadUInt24(_packet[EapPacket.TypeHeaderLength..]), BinaryPrimitives.ReadUInt32BigEndian(_packet[(EapPacket.TypeHeaderLength + 3)..]))
        : EapExpandedType.FromType(Type);

    /// <summary>The method's own data: after the vendor fields for Type 254, otherwise the same as <see cref="TypeData"/>.</summary>
    public ReadOnlySpan<byte> MethodData => IsExpanded ? _packet[(EapPacket.TypeOffset + EapPacket.ExpandedTypeLength)..] : TypeData;

    /// <summary>
    /// Validates <paramref name="packet"/> as one EAP packet: a known code, a Length field equal to the buffer's
    /// size, a Type on Requests and Responses, the vendor fields of an Expanded Type, and nothing after the
    /// header of a Success or Failure.
    /// </summary>
    /// <remarks>
    /// RFC 3748 §4.1 tells a receiver to ignore octets past the Length field as link-layer padding. EAP here
    /// arrives in RADIUS EAP-Message attributes (RFC 3579), which has no padding, so trailing bytes can only
    /// be an error or an attempt to smuggle data past a length check: they are refused
    /// (<see cref="EapParseError.LengthMismatch"/>), as are buffers shorter than the Length field.
    /// </remarks>
    public static EapParseError TryParse(ReadOnlySpan<byte> packet, out EapPacketReader reader)
    {
        reader = default;
        if (packet.Length < EapPacket.HeaderLength)
        {
            return EapParseError.TooShort;
        }

        // Attacker controlled: the Length field is trusted only once it matches the bytes we actually hold.
        int length = BinaryPrimitives.ReadUInt16BigEndian(packet[EapPacket.LengthOffset..]);
        if (length < EapPacket.HeaderLength)
        {
            return EapParseError.LengthFieldTooSmall;
        }

        if (length != packet.Length)
        {
            return EapParseError.LengthMismatch;
        }

        switch ((EapCode)packet[EapPacket.CodeOffset])
        {
            case EapCode.Request or EapCode.Response:
                if (length < EapPacket.TypeHeaderLength)
                {
                    return EapParseError.MissingType;
                }

                if (packet[EapPacket.TypeOffset] == (byte)EapType.Expanded && length < EapPacket.TypeOffset + EapPacket.ExpandedTypeLength)
                {
                    return EapParseError.ExpandedTypeTruncated;
                }

                break;
            case EapCode.Success or EapCode.Failure:
                if (length != EapPacket.SuccessFailureLength)
                {
                    return EapParseError.SuccessFailureNotEmpty;
                }

                break;
            case EapCode.Initiate or EapCode.Finish:
                return EapParseError.UnsupportedCode;
            default:
                return EapParseError.UnknownCode;
        }

        reader = new EapPacketReader(packet);
        return EapParseError.None;
    }

    internal static uint ReadUInt24(ReadOnlySpan<byte> source) => (uint)((source[0] << 16) | (source[1] << 8) | source[2]);
}
