using System.Buffers.Binary;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Carries an EAP packet in EAP-Message attributes (RFC 3579 §3.1): split into 253-byte pieces on the way out,
/// joined and checked against the EAP header's Length on the way in.
/// </summary>
public static class RadiusEapMessage
{
    /// <summary>The EAP header: Code, Identifier, 2-byte Length (RFC 3748 §4).</summary>
    public const int EapHeaderLength = 4;

    /// <summary>
    /// Joins the EAP-Message attributes of <paramref name="packet"/> into <paramref name="destination"/> and checks the
    /// result is one whole EAP packet. <paramref name="written"/> is 0 unless the result is <see cref="RadiusConcatError.None"/>.
    /// </summary>
    public static RadiusConcatError TryJoin(
        in RadiusPacketReader packet, Span<byte> destination, out int written, int maxLength = RadiusAttributeConcatenation.DefaultMaxLength) =>
        TryJoin(packet.AttributeBytes, destination, out written, maxLength);

    /// <inheritdoc cref="TryJoin(in RadiusPacketReader, Span{byte}, out int, int)"/>
    public static RadiusConcatError TryJoin(
        ReadOnlySpan<byte> attributes, Span<byte> destination, out int written, int maxLength = RadiusAttributeConcatenation.DefaultMaxLength)
    {
        var error = RadiusAttributeConcatenation.TryJoin(attributes, (byte)RadiusAttributeType.EapMessage, destination, out written, maxLength);
        if (error != RadiusConcatError.None)
        {
            return error;
        }

        if (written < EapHeaderLength)
        {
            written = 0;
            return RadiusConcatError.EapHeaderTruncated;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(destination[2..]) != written)
        {
            written = 0;
            return RadiusConcatError.EapLengthMismatch;
        }

        return RadiusConcatError.None;
    }

    /// <summary>
    /// Appends <paramref name="eapPacket"/> as EAP-Message attributes. False, with nothing written, when it is not a
    /// whole EAP packet (header present, Length equal to its size) or does not fit the packet.
    /// </summary>
    public static bool TryWrite(ref RadiusPacketWriter writer, ReadOnlySpan<byte> eapPacket) =>
        eapPacket.Length >= EapHeaderLength
        && BinaryPrimitives.ReadUInt16BigEndian(eapPacket[2..]) == eapPacket.Length
        && RadiusAttributeConcatenation.TryWriteSplit(ref writer, (byte)RadiusAttributeType.EapMessage, eapPacket);
}
