using System.Buffers.Binary;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// The extended attribute formats of RFC 6929: Extended-Type-1..4 (types 241–244: Extended-Type byte, then data),
/// Long-Extended-Type-1..2 (245–246: Extended-Type byte, flags byte, then data) and Extended-Vendor-Specific
/// (Extended-Type 26: Vendor-Id, Vendor-Type, data).
/// </summary>
public static class RadiusExtendedAttribute
{
    /// <summary>The Extended-Type that marks Extended-Vendor-Specific data (RFC 6929 §2.4).</summary>
    public const byte VendorSpecificExtendedType = 26;

    /// <summary>The "More" bit of a long-extended flags byte (RFC 6929 §2.2).</summary>
    public const byte MoreFlag = 0x80;

    /// <summary>Most data one Extended-Type attribute holds: 253 minus the Extended-Type byte.</summary>
    public const int MaxExtendedDataLength = RadiusPacket.MaxAttributeValueLength - 1;

    /// <summary>Most data one Long-Extended-Type attribute holds: 253 minus the Extended-Type and flags bytes.</summary>
    public const int MaxLongExtendedFragmentLength = RadiusPacket.MaxAttributeValueLength - 2;

    /// <summary>True for Extended-Type-1..4 (241–244).</summary>
    public static bool IsExtended(byte type) => type is >= 241 and <= 244;

    /// <summary>True for Long-Extended-Type-1..2 (245–246).</summary>
    public static bool IsLongExtended(byte type) => type is 245 or 246;

    /// <summary>Splits the value of an Extended-Type attribute (241–244) into its Extended-Type and data.</summary>
    public static bool TryReadExtended(ReadOnlySpan<byte> value, out byte extendedType, out ReadOnlySpan<byte> data)
    {
        extendedType = value.IsEmpty ? (byte)0 : value[0];
        data = value.IsEmpty ? default : value[1..];
        return !value.IsEmpty;
    }

    /// <summary>
    /// Splits the value of one Long-Extended-Type attribute (245–246). Only the More bit of the flags is read: RFC 6929
    /// §2.2 has senders zero the other 7 bits and receivers ignore them, so a future flag does not break us.
    /// </summary>
    public static bool TryReadLongExtended(ReadOnlySpan<byte> value, out byte extendedType, out bool more, out ReadOnlySpan<byte> data)
    {
        extendedType = 0;
        more = false;
        data = default;
        if (value.Length < 2)
        {
            return false;
        }

        extendedType = value[0];
        more = (value[1] & MoreFlag) != 0;
        data = value[2..];
        return true;
    }

    /// <summary>
    /// Reads Extended-Vendor-Specific data (what follows Extended-Type 26, after the flags byte for the long forms):
    /// 4-byte Vendor-Id with a zero high byte, 1-byte Vendor-Type, then the vendor's data.
    /// </summary>
    public static bool TryReadVendorSpecific(ReadOnlySpan<byte> data, out uint vendorId, out byte vendorType, out ReadOnlySpan<byte> vendorData)
    {
        vendorId = 0;
        vendorType = 0;
        vendorData = default;
        if (data.Length < 5 || data[0] != 0)
        {
            return false;
        }

        vendorId = BinaryPrimitives.ReadUInt32BigEndian(data);
        vendorType = data[4];
        vendorData = data[5..];
        return true;
    }

    /// <summary>Writes Extended-Vendor-Specific data (Vendor-Id, Vendor-Type, data) for use as an extended attribute's data.</summary>
    public static bool TryWriteVendorSpecific(uint vendorId, byte vendorType, ReadOnlySpan<byte> vendorData, Span<byte> destination, out int written)
    {
        written = 0;
        if (vendorId > 0x00FF_FFFF || destination.Length < 5 + vendorData.Length)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, vendorId);
        destination[4] = vendorType;
        vendorData.CopyTo(destination[5..]);
        written = 5 + vendorData.Length;
        return true;
    }

    /// <summary>Appends one Extended-Type attribute (241–244); false when the type is not one or the data exceeds 252 bytes.</summary>
    public static bool TryWriteExtended(ref RadiusPacketWriter writer, byte type, byte extendedType, ReadOnlySpan<byte> data)
    {
        if (!IsExtended(type) || data.Length > MaxExtendedDataLength || !writer.TryReserveAttribute(type, data.Length + 1, out var value))
        {
            return false;
        }

        value[0] = extendedType;
        data.CopyTo(value[1..]);
        return true;
    }
}
