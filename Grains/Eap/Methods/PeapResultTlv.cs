using System.Buffers.Binary;
using Orleans.Radius.Protocol.Eap;

namespace Orleans.Radius.Grains.Eap.Methods;

/// <summary>
/// The Result TLV that ends PEAPv0's phase 2 ([MS-PEAP] §2.2.8.1), carried in a full EAP packet of type 33
/// (Extensions): TLV type 3 with the mandatory bit, length 2, status 1 (success) or 2 (failure).
/// </summary>
internal static class PeapResultTlv
{
    public const ushort Success = 1;
    public const ushort Failure = 2;

    private const ushort ResultType = 3;
    private const ushort MandatoryBit = 0x8000;
    private const ushort TypeMask = 0x3FFF;
    private const int TlvHeaderLength = 4;

    /// <summary>The whole inner EAP-Request carrying one Result TLV.</summary>
    public static byte[] WriteRequest(byte identifier, ushort status)
    {
        var packet = new byte[EapPacket.TypeHeaderLength + TlvHeaderLength + 2];
        packet[0] = (byte)EapCode.Request;
        packet[1] = identifier;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[4] = (byte)EapType.Extensions;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(5), MandatoryBit | ResultType);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(7), 2);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(9), status);
        return packet;
    }

    /// <summary>
    /// Reads the status of the Result TLV in the peer's inner EAP-Response of type 33; null when the packet is not
    /// one, is malformed, or carries no Result TLV. Other TLVs (Crypto-Binding, which we never request) are skipped.
    /// </summary>
    public static ushort? ReadResponseStatus(ReadOnlySpan<byte> packet)
    {
        if (EapPacketReader.TryParse(packet, out var reader) != EapParseError.None
            || reader.Code != EapCode.Response
            || reader.Type != EapType.Extensions)
        {
            return null;
        }

        ushort? status = null;
        var rest = reader.TypeData;
        while (rest.Length >= TlvHeaderLength)
        {
            var type = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(rest) & TypeMask);
            int length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);

            // Attacker controlled: the TLV length must stay inside the packet.
            if (length > rest.Length - TlvHeaderLength)
            {
                return null;
            }

            if (type == ResultType)
            {
                if (length != 2 || status is not null)
                {
                    return null;
                }

                status = BinaryPrimitives.ReadUInt16BigEndian(rest[TlvHeaderLength..]);
            }

            rest = rest[(TlvHeaderLength + length)..];
        }

        return rest.IsEmpty ? status : null;
    }
}
