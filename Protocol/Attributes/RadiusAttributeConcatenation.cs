using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Joins a value carried in consecutive attributes of one type, and splits a value into 253-byte attributes:
/// EAP-Message (RFC 3579 §3.1) and the attributes FreeRADIUS dictionaries flag <c>concat</c> (e.g. WiMAX PKM).
/// </summary>
public static class RadiusAttributeConcatenation
{
    /// <summary>Default cap on a joined value: nothing larger fits a 4096-byte packet.</summary>
    public const int DefaultMaxLength = RadiusPacket.MaxLength;

    /// <summary>
    /// Concatenates, in order, the values of every attribute of <paramref name="type"/> in a run of attributes
    /// (<see cref="RadiusPacketReader.AttributeBytes"/>). The attributes must be consecutive.
    /// </summary>
    public static RadiusConcatError TryJoin(
        ReadOnlySpan<byte> attributes, byte type, Span<byte> destination, out int written, int maxLength = DefaultMaxLength)
    {
        written = 0;
        var found = false;
        var runEnded = false;
        var offset = 0;
        while (offset < attributes.Length)
        {
            if (!RadiusAttributeCursor.TryRead(attributes, offset, out var attributeType, out var value))
            {
                written = 0;
                return RadiusConcatError.Malformed;
            }

            offset += value.Length + 2;
            if (attributeType != type)
            {
                runEnded = found;
                continue;
            }

            if (runEnded)
            {
                written = 0;
                return RadiusConcatError.NotConsecutive;
            }

            found = true;

            // Attacker controlled: the running total is checked against the cap before copying.
            if (written + value.Length > maxLength)
            {
                written = 0;
                return RadiusConcatError.TooLarge;
            }

            if (!value.TryCopyTo(destination[written..]))
            {
                written = 0;
                return RadiusConcatError.DestinationTooSmall;
            }

            written += value.Length;
        }

        return found ? RadiusConcatError.None : RadiusConcatError.Missing;
    }

    /// <inheritdoc cref="TryJoin(ReadOnlySpan{byte}, byte, Span{byte}, out int, int)"/>
    public static RadiusConcatError TryJoin(in RadiusPacketReader packet, byte type, Span<byte> destination, out int written, int maxLength = DefaultMaxLength) =>
        TryJoin(packet.AttributeBytes, type, destination, out written, maxLength);

    /// <summary>Bytes <paramref name="dataLength"/> bytes take once split into attributes of 253 value bytes.</summary>
    public static int EncodedLength(int dataLength) =>
        dataLength + (2 * ((dataLength + RadiusPacket.MaxAttributeValueLength - 1) / RadiusPacket.MaxAttributeValueLength));

    /// <summary>
    /// Appends <paramref name="data"/> as consecutive attributes of <paramref name="type"/>, 253 bytes each but the last.
    /// False, with nothing written, for empty data or when the packet has no room for all of it.
    /// </summary>
    public static bool TryWriteSplit(ref RadiusPacketWriter writer, byte type, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || EncodedLength(data.Length) > writer.Remaining)
        {
            return false;
        }

        while (!data.IsEmpty)
        {
            var chunk = Math.Min(data.Length, RadiusPacket.MaxAttributeValueLength);
            if (!writer.TryWriteAttribute(type, data[..chunk]))
            {
                return false;
            }

            data = data[chunk..];
        }

        return true;
    }
}
