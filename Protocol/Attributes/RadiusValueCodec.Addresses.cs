using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Orleans.Radius.Protocol.Attributes;

public static partial class RadiusValueCodec
{
    /// <summary>ipv4addr (RFC 8044 §3.8): exactly 4 bytes.</summary>
    public static bool TryDecodeIPv4Address(ReadOnlySpan<byte> value, [NotNullWhen(true)] out IPAddress? address)
    {
        address = value.Length == IPv4AddressLength ? new IPAddress(value) : null;
        return address is not null;
    }

    /// <summary>ipv6addr (RFC 8044 §3.9): exactly 16 bytes.</summary>
    public static bool TryDecodeIPv6Address(ReadOnlySpan<byte> value, [NotNullWhen(true)] out IPAddress? address)
    {
        address = value.Length == IPv6AddressLength ? new IPAddress(value) : null;
        return address is not null;
    }

    /// <summary>combo-ip (FreeRADIUS): 4 bytes for IPv4 or 16 for IPv6, the length tells which.</summary>
    public static bool TryDecodeComboAddress(ReadOnlySpan<byte> value, [NotNullWhen(true)] out IPAddress? address)
    {
        address = value.Length is IPv4AddressLength or IPv6AddressLength ? new IPAddress(value) : null;
        return address is not null;
    }

    /// <summary>Writes an ipv4addr; false for an IPv6 address (an IPv4-mapped one included).</summary>
    public static bool TryEncodeIPv4Address(IPAddress address, Span<byte> destination, out int written) =>
        TryEncodeAddress(address, AddressFamily.InterNetwork, destination, out written);

    /// <summary>Writes an ipv6addr; false for an IPv4 address.</summary>
    public static bool TryEncodeIPv6Address(IPAddress address, Span<byte> destination, out int written) =>
        TryEncodeAddress(address, AddressFamily.InterNetworkV6, destination, out written);

    /// <summary>Writes a combo-ip: 4 bytes for IPv4, 16 for IPv6.</summary>
    public static bool TryEncodeComboAddress(IPAddress address, Span<byte> destination, out int written) =>
        TryEncodeAddress(address, address.AddressFamily, destination, out written);

    /// <summary>
    /// ipv6prefix (RFC 8044 §3.10, RFC 3162 §2.3): reserved byte 0, prefix length 0–128, then 0–16 prefix bytes.
    /// </summary>
    /// <remarks>
    /// Bytes the sender left off are zero ("up to 16 octets"), so 00 40 20 01 0d b8 is 2001:db8::/64. A 1 bit past
    /// the prefix length is refused: RFC 8044 says such bits MUST be zero, and accepting them would make two
    /// encodings of one prefix compare unequal.
    /// </remarks>
    public static RadiusValueError TryDecodeIPv6Prefix(ReadOnlySpan<byte> value, out IPNetwork prefix)
    {
        prefix = default;
        var error = ValidateIPv6Prefix(value);
        if (error != RadiusValueError.None)
        {
            return error;
        }

        Span<byte> address = stackalloc byte[IPv6AddressLength];
        address.Clear();
        value[2..].CopyTo(address);
        prefix = new IPNetwork(new IPAddress(address), value[1]);
        return RadiusValueError.None;
    }

    /// <summary>Writes an ipv6prefix with the fewest prefix bytes that hold the prefix length (2001:db8::/32 is 00 20 20 01 0d b8).</summary>
    public static bool TryEncodeIPv6Prefix(IPNetwork prefix, Span<byte> destination, out int written)
    {
        written = 0;
        if (prefix.BaseAddress is not { AddressFamily: AddressFamily.InterNetworkV6 } baseAddress
            || prefix.PrefixLength is < 0 or > 128)
        {
            return false;
        }

        var prefixBytes = (prefix.PrefixLength + 7) / 8;
        Span<byte> address = stackalloc byte[IPv6AddressLength];
        if (destination.Length < 2 + prefixBytes
            || !baseAddress.TryWriteBytes(address, out _)
            || HasBitsBeyond(address, prefix.PrefixLength))
        {
            return false;
        }

        destination[0] = 0;
        destination[1] = (byte)prefix.PrefixLength;
        address[..prefixBytes].CopyTo(destination[2..]);
        written = 2 + prefixBytes;
        return true;
    }

    /// <summary>ipv4prefix (RFC 8044 §3.11, RFC 6572): reserved byte 0, prefix length 0–32, always 4 address bytes.</summary>
    /// <remarks>
    /// RFC 6572 drew the first 16 bits as reserved bits plus a 6-bit length; for lengths 0–32 both drawings give the
    /// same bytes, so checking "first byte 0, second byte ≤ 32" accepts exactly the values both RFCs allow.
    /// </remarks>
    public static RadiusValueError TryDecodeIPv4Prefix(ReadOnlySpan<byte> value, out IPNetwork prefix)
    {
        prefix = default;
        var error = ValidateIPv4Prefix(value);
        if (error != RadiusValueError.None)
        {
            return error;
        }

        prefix = new IPNetwork(new IPAddress(value[2..]), value[1]);
        return RadiusValueError.None;
    }

    public static bool TryEncodeIPv4Prefix(IPNetwork prefix, Span<byte> destination, out int written)
    {
        written = 0;
        if (prefix.BaseAddress is not { AddressFamily: AddressFamily.InterNetwork } baseAddress
            || prefix.PrefixLength is < 0 or > 32
            || destination.Length < IPv4PrefixLength
            || !baseAddress.TryWriteBytes(destination[2..], out _)
            || HasBitsBeyond(destination.Slice(2, IPv4AddressLength), prefix.PrefixLength))
        {
            return false;
        }

        destination[0] = 0;
        destination[1] = (byte)prefix.PrefixLength;
        written = IPv4PrefixLength;
        return true;
    }

    /// <summary>ifid (RFC 8044 §3.7): exactly 8 bytes, returned as a big-endian number.</summary>
    public static bool TryDecodeInterfaceId(ReadOnlySpan<byte> value, out ulong interfaceId) => TryDecodeUInt64(value, out interfaceId);

    public static bool TryEncodeInterfaceId(ulong interfaceId, Span<byte> destination, out int written) =>
        TryEncodeUInt64(interfaceId, destination, out written);

    /// <summary>ether (FreeRADIUS): exactly 6 bytes.</summary>
    public static bool TryDecodeEther(ReadOnlySpan<byte> value, [NotNullWhen(true)] out PhysicalAddress? address)
    {
        address = value.Length == EtherLength ? new PhysicalAddress(value.ToArray()) : null;
        return address is not null;
    }

    public static bool TryEncodeEther(PhysicalAddress address, Span<byte> destination, out int written)
    {
        written = 0;
        var bytes = address.GetAddressBytes();
        if (bytes.Length != EtherLength || destination.Length < EtherLength)
        {
            return false;
        }

        bytes.CopyTo(destination);
        written = EtherLength;
        return true;
    }

    private static bool TryEncodeAddress(IPAddress address, AddressFamily family, Span<byte> destination, out int written)
    {
        written = 0;
        return address.AddressFamily == family
            && family is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && address.TryWriteBytes(destination, out written);
    }

    private static RadiusValueError ValidateIPv6Prefix(ReadOnlySpan<byte> value)
    {
        if (value.Length is < IPv6PrefixMinLength or > IPv6PrefixMaxLength)
        {
            return RadiusValueError.WrongLength;
        }

        if (value[0] != 0)
        {
            return RadiusValueError.ReservedNotZero;
        }

        if (value[1] > 128)
        {
            return RadiusValueError.PrefixLengthOutOfRange;
        }

        return HasBitsBeyond(value[2..], value[1]) ? RadiusValueError.BitsBeyondPrefix : RadiusValueError.None;
    }

    private static RadiusValueError ValidateIPv4Prefix(ReadOnlySpan<byte> value)
    {
        if (value.Length != IPv4PrefixLength)
        {
            return RadiusValueError.WrongLength;
        }

        if (value[0] != 0)
        {
            return RadiusValueError.ReservedNotZero;
        }

        if (value[1] > 32)
        {
            return RadiusValueError.PrefixLengthOutOfRange;
        }

        return HasBitsBeyond(value[2..], value[1]) ? RadiusValueError.BitsBeyondPrefix : RadiusValueError.None;
    }

    // True when any bit at position prefixLength or later (counting from the first byte's high bit) is set.
    private static bool HasBitsBeyond(ReadOnlySpan<byte> bytes, int prefixLength)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var firstBit = i * 8;
            var hostMask = firstBit >= prefixLength ? 0xFF : firstBit + 8 > prefixLength ? 0xFF >> (prefixLength - firstBit) : 0;
            if ((bytes[i] & hostMask) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
