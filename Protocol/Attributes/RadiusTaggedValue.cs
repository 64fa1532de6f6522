using System.Buffers.Binary;

namespace Orleans.Radius.Protocol.Attributes;

/// <summary>
/// The Tag that groups tunnel attributes (RFC 2868 §3): optional on string-typed attributes, always present on
/// integer-typed ones (leaving a 3-byte value), and first in Tunnel-Password before its salt (§3.5).
/// </summary>
public static class RadiusTaggedValue
{
    /// <summary>Largest tag; 0 means "no tag".</summary>
    public const byte MaxTag = 0x1F;

    /// <summary>Largest value of a tagged integer: the tag takes the high byte.</summary>
    public const uint MaxTaggedInteger = 0x00FF_FFFF;

    /// <summary>Tag, 2-byte salt, then at least one 16-byte block of encrypted data.</summary>
    public const int MinTunnelPasswordLength = 3 + 16;

    /// <summary>
    /// Splits a tagged string value: a first byte of 0x01–0x1F is the tag; any other first byte is data and the
    /// tag is 0 (RFC 2868 §3.x: "greater than 0x1F ... the first byte of the following String field").
    /// </summary>
    /// <remarks>A first byte of 0x00 is kept as data, as RFC 2868 defines tags only for 0x01–0x1F.</remarks>
    public static void ReadString(ReadOnlySpan<byte> value, out byte tag, out ReadOnlySpan<byte> data)
    {
        var tagged = !value.IsEmpty && value[0] is >= 1 and <= MaxTag;
        tag = tagged ? value[0] : (byte)0;
        data = tagged ? value[1..] : value;
    }

    /// <summary>
    /// Writes a tagged string. Tag 0 writes the data alone, which is refused when the data's first byte would be read
    /// back as a tag (0x01–0x1F): use a tag for such data. False for a tag above 0x1F, empty data, or no room.
    /// </summary>
    public static bool TryWriteString(byte tag, ReadOnlySpan<byte> data, Span<byte> destination, out int written)
    {
        written = 0;
        var prefix = tag == 0 ? 0 : 1;
        if (tag > MaxTag
            || data.IsEmpty
            || (tag == 0 && data[0] is >= 1 and <= MaxTag)
            || destination.Length < prefix + data.Length)
        {
            return false;
        }

        if (tag != 0)
        {
            destination[0] = tag;
        }

        data.CopyTo(destination[prefix..]);
        written = prefix + data.Length;
        return true;
    }

    /// <summary>Reads a tagged integer: exactly 4 bytes, a tag of 0–0x1F, then a 3-byte big-endian value.</summary>
    public static bool TryReadInteger(ReadOnlySpan<byte> value, out byte tag, out uint integer)
    {
        tag = 0;
        integer = 0;
        if (value.Length != 4 || value[0] > MaxTag)
        {
            return false;
        }

        tag = value[0];
        integer = BinaryPrimitives.ReadUInt32BigEndian(value) & MaxTaggedInteger;
        return true;
    }

    public static bool TryWriteInteger(byte tag, uint integer, Span<byte> destination, out int written)
    {
        written = 0;
        if (tag > MaxTag || integer > MaxTaggedInteger || destination.Length < 4)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination, integer | ((uint)tag << 24));
        written = 4;
        return true;
    }

    /// <summary>
    /// Splits a Tunnel-Password value (RFC 2868 §3.5): tag (0–0x1F), 2-byte salt whose high bit MUST be set, then the
    /// encrypted string in whole 16-byte blocks. Decryption belongs to the crypto code.
    /// </summary>
    public static bool TryReadTunnelPassword(ReadOnlySpan<byte> value, out byte tag, out ushort salt, out ReadOnlySpan<byte> encrypted)
    {
        tag = 0;
        salt = 0;
        encrypted = default;
        if (value.Length < MinTunnelPasswordLength || (value.Length - 3) % 16 != 0 || value[0] > MaxTag || (value[1] & 0x80) == 0)
        {
            return false;
        }

        tag = value[0];
        salt = BinaryPrimitives.ReadUInt16BigEndian(value[1..]);
        encrypted = value[3..];
        return true;
    }

    /// <summary>Writes a Tunnel-Password value around an already encrypted string (whole 16-byte blocks).</summary>
    public static bool TryWriteTunnelPassword(byte tag, ushort salt, ReadOnlySpan<byte> encrypted, Span<byte> destination, out int written)
    {
        written = 0;
        if (tag > MaxTag
            || (salt & 0x8000) == 0
            || encrypted.IsEmpty
            || encrypted.Length % 16 != 0
            || destination.Length < 3 + encrypted.Length)
        {
            return false;
        }

        destination[0] = tag;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], salt);
        encrypted.CopyTo(destination[3..]);
        written = 3 + encrypted.Length;
        return true;
    }
}
