using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Attributes;

public static partial class RadiusValueCodec
{
    /// <summary>integer and enum (RFC 8044 §3.1, §3.2): exactly 4 bytes, big-endian.</summary>
    public static bool TryDecodeUInt32(ReadOnlySpan<byte> value, out uint result)
    {
        result = 0;
        if (value.Length != IntegerLength)
        {
            return false;
        }

        result = BinaryPrimitives.ReadUInt32BigEndian(value);
        return true;
    }

    /// <summary>Writes an integer or enum. Enum names are the dictionary's: resolve the name, then pass its number here.</summary>
    public static bool TryEncodeUInt32(uint value, Span<byte> destination, out int written) =>
        Fixed(BinaryPrimitives.TryWriteUInt32BigEndian(destination, value), IntegerLength, out written);

    /// <summary>signed (FreeRADIUS): exactly 4 bytes, two's complement, big-endian.</summary>
    public static bool TryDecodeInt32(ReadOnlySpan<byte> value, out int result)
    {
        result = 0;
        if (value.Length != IntegerLength)
        {
            return false;
        }

        result = BinaryPrimitives.ReadInt32BigEndian(value);
        return true;
    }

    public static bool TryEncodeInt32(int value, Span<byte> destination, out int written) =>
        Fixed(BinaryPrimitives.TryWriteInt32BigEndian(destination, value), IntegerLength, out written);

    /// <summary>integer64 (RFC 8044 §3.12): exactly 8 bytes, big-endian.</summary>
    public static bool TryDecodeUInt64(ReadOnlySpan<byte> value, out ulong result)
    {
        result = 0;
        if (value.Length != Integer64Length)
        {
            return false;
        }

        result = BinaryPrimitives.ReadUInt64BigEndian(value);
        return true;
    }

    public static bool TryEncodeUInt64(ulong value, Span<byte> destination, out int written) =>
        Fixed(BinaryPrimitives.TryWriteUInt64BigEndian(destination, value), Integer64Length, out written);

    /// <summary>byte (FreeRADIUS): exactly 1 byte.</summary>
    public static bool TryDecodeByte(ReadOnlySpan<byte> value, out byte result)
    {
        result = value.Length == 1 ? value[0] : (byte)0;
        return value.Length == 1;
    }

    public static bool TryEncodeByte(byte value, Span<byte> destination, out int written)
    {
        written = 0;
        if (destination.IsEmpty)
        {
            return false;
        }

        destination[0] = value;
        written = 1;
        return true;
    }

    /// <summary>short (FreeRADIUS): exactly 2 bytes, big-endian.</summary>
    public static bool TryDecodeUInt16(ReadOnlySpan<byte> value, out ushort result)
    {
        result = 0;
        if (value.Length != sizeof(ushort))
        {
            return false;
        }

        result = BinaryPrimitives.ReadUInt16BigEndian(value);
        return true;
    }

    public static bool TryEncodeUInt16(ushort value, Span<byte> destination, out int written) =>
        Fixed(BinaryPrimitives.TryWriteUInt16BigEndian(destination, value), sizeof(ushort), out written);

    /// <summary>time (RFC 8044 §3.3): exactly 4 bytes of unsigned seconds since 1970-01-01 00:00 UTC.</summary>
    public static bool TryDecodeTime(ReadOnlySpan<byte> value, out DateTimeOffset result)
    {
        result = default;
        if (!TryDecodeUInt32(value, out var seconds))
        {
            return false;
        }

        result = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>Writes a time; false for instants before 1970 or after 2106-02-07 (outside 32 unsigned bits), and sub-second parts are dropped.</summary>
    public static bool TryEncodeTime(DateTimeOffset value, Span<byte> destination, out int written)
    {
        written = 0;
        var seconds = value.ToUnixTimeSeconds();
        return seconds is >= 0 and <= uint.MaxValue && TryEncodeUInt32((uint)seconds, destination, out written);
    }

    private static bool Fixed(bool success, int length, out int written)
    {
        written = success ? length : 0;
        return success;
    }
}
