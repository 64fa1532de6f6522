using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// Reassembles and fragments Long-Extended-Type attributes (RFC 6929 §2.2): data longer than 251 bytes travels in
/// consecutive attributes of one type and Extended-Type, each but the last with the More flag and a length of 255.
/// </summary>
public static class RadiusLongExtended
{
    /// <summary>Cap on reassembled data: nothing larger fits a 4096-byte packet (RFC 2865 §3).</summary>
    public const int MaxJoinedLength = RadiusPacket.MaxLength;

    /// <summary>
    /// Joins the data of the Long-Extended-Type attribute at <paramref name="offset"/> of <paramref name="attributes"/>
    /// with the fragments that follow it. Pass <see cref="RadiusPacketReader.Packet"/> and <see cref="RadiusAttribute.Offset"/>;
    /// <paramref name="nextOffset"/> is where the first attribute after the run starts, so the caller can skip the fragments.
    /// On any failure the outputs are zero (bytes already copied into <paramref name="destination"/> are not meaningful).
    /// </summary>
    public static RadiusLongExtendedError TryJoin(
        ReadOnlySpan<byte> attributes, int offset, Span<byte> destination, out byte extendedType, out int written, out int nextOffset)
    {
        var error = Join(attributes, offset, destination, out extendedType, out written, out nextOffset);
        if (error != RadiusLongExtendedError.None)
        {
            extendedType = 0;
            written = 0;
            nextOffset = 0;
        }

        return error;
    }

    /// <summary>Attribute count needed to carry <paramref name="dataLength"/> bytes (at least one, even for no data).</summary>
    public static int FragmentCount(int dataLength) =>
        dataLength <= 0 ? 1 : (dataLength + RadiusExtendedAttribute.MaxLongExtendedFragmentLength - 1) / RadiusExtendedAttribute.MaxLongExtendedFragmentLength;

    /// <summary>Bytes the attributes carrying <paramref name="dataLength"/> bytes take in a packet (4 header bytes each).</summary>
    public static int EncodedLength(int dataLength) => (FragmentCount(dataLength) * 4) + Math.Max(dataLength, 0);

    /// <summary>
    /// Appends <paramref name="data"/> as one or more Long-Extended-Type attributes, 251 bytes each with More set on all
    /// but the last. False, with nothing written, when the type is not 245/246, the data exceeds 4096 bytes, or the
    /// packet has no room for all of it.
    /// </summary>
    public static bool TryWrite(ref RadiusPacketWriter writer, byte type, byte extendedType, ReadOnlySpan<byte> data)
    {
        if (!RadiusExtendedAttribute.IsLongExtended(type) || data.Length > MaxJoinedLength || EncodedLength(data.Length) > writer.Remaining)
        {
            return false;
        }

        do
        {
            var chunk = Math.Min(data.Length, RadiusExtendedAttribute.MaxLongExtendedFragmentLength);
            var more = chunk < data.Length;
            if (!writer.TryReserveAttribute(type, chunk + 2, out var value))
            {
                return false;
            }

            value[0] = extendedType;
            value[1] = more ? RadiusExtendedAttribute.MoreFlag : (byte)0;
            data[..chunk].CopyTo(value[2..]);
            data = data[chunk..];
        }
        while (!data.IsEmpty);

        return true;
    }

    private static RadiusLongExtendedError Join(
        ReadOnlySpan<byte> attributes, int offset, Span<byte> destination, out byte extendedType, out int written, out int nextOffset)
    {
        extendedType = 0;
        written = 0;
        nextOffset = offset;
        if ((uint)offset >= (uint)attributes.Length)
        {
            return RadiusLongExtendedError.Malformed;
        }

        var type = attributes[offset];
        if (!RadiusExtendedAttribute.IsLongExtended(type))
        {
            return RadiusLongExtendedError.NotLongExtended;
        }

        var first = true;
        while (true)
        {
            if (!RadiusAttributeCursor.TryRead(attributes, offset, out var fragmentType, out var value))
            {
                return RadiusLongExtendedError.Malformed;
            }

            if (fragmentType != type)
            {
                return RadiusLongExtendedError.NotConsecutive;
            }

            if (!RadiusExtendedAttribute.TryReadLongExtended(value, out var fragmentExtendedType, out var more, out var data))
            {
                return RadiusLongExtendedError.Malformed;
            }

            if (first)
            {
                extendedType = fragmentExtendedType;
                first = false;
            }
            else if (fragmentExtendedType != extendedType)
            {
                return RadiusLongExtendedError.NotConsecutive;
            }

            if (more && value.Length != RadiusPacket.MaxAttributeValueLength)
            {
                return RadiusLongExtendedError.MoreOnShortFragment;
            }

            // Attacker controlled: the running total is capped before anything is copied.
            if (written + data.Length > MaxJoinedLength)
            {
                return RadiusLongExtendedError.TooLarge;
            }

            if (!data.TryCopyTo(destination[written..]))
            {
                return RadiusLongExtendedError.DestinationTooSmall;
            }

            written += data.Length;
            offset += value.Length + 2;
            if (!more)
            {
                nextOffset = offset;
                return RadiusLongExtendedError.None;
            }

            if (offset >= attributes.Length)
            {
                return RadiusLongExtendedError.MoreOnLast;
            }
        }
    }
}
