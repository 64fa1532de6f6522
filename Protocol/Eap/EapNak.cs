using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Eap;

/// <summary>
/// The legacy Nak (RFC 3748 §5.3.1: one byte per desired Type, 0 for "no alternative") and the Expanded Nak
/// (§5.3.2: Type 254, IETF vendor, Vendor-Type 3, then 8-byte expanded entries).
/// </summary>
public static class EapNak
{
    /// <summary>The Type value a peer sends when it will accept no other method.</summary>
    public const byte NoAlternative = 0;

    /// <summary>Writes a legacy Nak Response; an empty list writes the single "no alternative" byte.</summary>
    public static bool TryWrite(Span<byte> destination, byte identifier, ReadOnlySpan<EapType> desiredTypes, out int bytesWritten)
    {
        var count = Math.Max(desiredTypes.Length, 1);
        if (!EapPacketWriter.TryReserve(destination, EapCode.Response, identifier, EapType.Nak, count, out var data, out bytesWritten))
        {
            return false;
        }

        data[0] = NoAlternative;
        for (var i = 0; i < desiredTypes.Length; i++)
        {
            data[i] = (byte)desiredTypes[i];
        }

        return true;
    }

    /// <summary>
    /// Validates the Type-Data of a legacy Nak and returns the desired Types, one per byte. An empty list or
    /// a list holding 0 means the peer offers no alternative.
    /// </summary>
    public static EapParseError TryRead(ReadOnlySpan<byte> typeData, out ReadOnlySpan<byte> desiredTypes)
    {
        // RFC 3748 §5.3.1: at least one Type (or the 0 byte). An empty Nak is malformed, not "anything goes".
        desiredTypes = typeData;
        return typeData.IsEmpty ? EapParseError.InvalidNak : EapParseError.None;
    }

    /// <summary>
    /// Picks the first of <paramref name="supported"/> (the server's preference order) that the peer listed
    /// in its Nak. False when there is no common method, including "no alternative".
    /// </summary>
    public static bool TryChoose(ReadOnlySpan<byte> desiredTypes, ReadOnlySpan<EapType> supported, out EapType chosen)
    {
        foreach (var candidate in supported)
        {
            if ((byte)candidate != NoAlternative && desiredTypes.Contains((byte)candidate))
            {
                chosen = candidate;
                return true;
            }
        }

        chosen = default;
        return false;
    }

    /// <summary>Writes an Expanded Nak Response; an empty list writes the "no alternative" entry (vendor 0, type 0).</summary>
    public static bool TryWriteExpanded(Span<byte> destination, byte identifier, ReadOnlySpan<EapExpandedType> desiredTypes, out int bytesWritten)
    {
        bytesWritten = 0;
        var count = Math.Max(desiredTypes.Length, 1);
        const int VendorFieldsLength = EapPacket.ExpandedTypeLength - 1;
        if (count > (EapPacket.MaxLength - EapPacket.TypeHeaderLength - VendorFieldsLength) / EapPacket.ExpandedTypeLength
            || !EapPacketWriter.TryReserve(destination, EapCode.Response, identifier, EapType.Expanded, VendorFieldsLength + (count * EapPacket.ExpandedTypeLength), out var data, out bytesWritten))
        {
            return false;
        }

        EapPacketWriter.WriteExpandedFields(data, EapExpandedType.Nak);
        var entries = data[VendorFieldsLength..];
        entries.Clear();
        for (var i = 0; i < count; i++)
        {
            var entry = entries.Slice(i * EapPacket.ExpandedTypeLength, EapPacket.ExpandedTypeLength);
            entry[0] = (byte)EapType.Expanded;
            if (i < desiredTypes.Length)
            {
                if (desiredTypes[i].VendorId > EapExpandedType.MaxVendorId)
                {
                    throw new ArgumentOutOfRangeException(nameof(desiredTypes), "A Vendor-Id is 24 bits.");
                }

                EapPacketWriter.WriteExpandedFields(entry[1..], desiredTypes[i]);
            }
        }

        return true;
    }

    /// <summary>
    /// Validates the method data of an Expanded Nak (after its own 254/0/3 header) and returns the number of
    /// 8-byte entries; read each with <see cref="ReadExpandedEntry"/>.
    /// </summary>
    public static EapParseError TryReadExpanded(ReadOnlySpan<byte> methodData, out int count)
    {
        count = 0;
        if (methodData.IsEmpty || methodData.Length % EapPacket.ExpandedTypeLength != 0)
        {
            return EapParseError.InvalidNak;
        }

        for (var offset = 0; offset < methodData.Length; offset += EapPacket.ExpandedTypeLength)
        {
            if (methodData[offset] != (byte)EapType.Expanded)
            {
                return EapParseError.InvalidNak;
            }
        }

        count = methodData.Length / EapPacket.ExpandedTypeLength;
        return EapParseError.None;
    }

    /// <summary>Reads entry <paramref name="index"/> of Expanded Nak data validated by <see cref="TryReadExpanded"/>.</summary>
    public static EapExpandedType ReadExpandedEntry(ReadOnlySpan<byte> methodData, int index)
    {
        var entry = methodData.Slice(index * EapPacket.ExpandedTypeLength, EapPacket.ExpandedTypeLength);
        return new EapExpandedType(EapPacketReader.ReadUInt24(entry[1..]), BinaryPrimitives.ReadUInt32BigEndian(entry[4..]));
    }
}
