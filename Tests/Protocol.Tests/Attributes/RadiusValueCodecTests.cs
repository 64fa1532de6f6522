using System.Net;
using Orleans.Radius.Protocol.Attributes;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusValueCodecTests
{
    internal static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", "", StringComparison.Ordinal));

    [Theory]
    [InlineData(0u, "00 00 00 00")]
    [InlineData(1u, "00 00 00 01")]
    [InlineData(0xFFFF_FFFEu, "ff ff ff fe")]
    public void Integer_is_four_bytes_big_endian(uint value, string wire)
    {
        var buffer = new byte[8];
        Assert.True(RadiusValueCodec.TryEncodeUInt32(value, buffer, out var written));
        Assert.Equal(Hex(wire), buffer[..written]);
        Assert.True(RadiusValueCodec.TryDecodeUInt32(Hex(wire), out var decoded));
        Assert.Equal(value, decoded);
    }

    [Fact]
    public void Fixed_size_numbers_have_exact_encodings()
    {
        var buffer = new byte[8];
        Assert.True(RadiusValueCodec.TryEncodeInt32(-2, buffer, out var written));
        Assert.Equal(Hex("ff ff ff fe"), buffer[..written]);
        Assert.True(RadiusValueCodec.TryEncodeUInt64(0x0102030405060708, buffer, out written));
        Assert.Equal(Hex("01 02 03 04 05 06 07 08"), buffer[..written]);
        Assert.True(RadiusValueCodec.TryEncodeUInt16(0xABCD, buffer, out written));
        Assert.Equal(Hex("ab cd"), buffer[..written]);
        Assert.True(RadiusValueCodec.TryEncodeByte(7, buffer, out written));
        Assert.Equal(Hex("07"), buffer[..written]);

        Assert.True(RadiusValueCodec.TryDecodeInt32(Hex("80 00 00 00"), out var signed));
        Assert.Equal(int.MinValue, signed);
        Assert.True(RadiusValueCodec.TryDecodeUInt64(Hex("00 00 00 01 00 00 00 00"), out var wide));
        Assert.Equal(0x1_0000_0000ul, wide);
        Assert.True(RadiusValueCodec.TryDecodeUInt16(Hex("01 00"), out var word));
        Assert.Equal(256, word);
        Assert.True(RadiusValueCodec.TryDecodeByte(Hex("ff"), out var single));
        Assert.Equal(255, single);
    }

    [Fact]
    public void Time_counts_unsigned_seconds_since_1970_utc()
    {
        // 2017-01-26T00:00:00Z is 1485388800 = 0x58893C00 seconds after the epoch.
        var moment = new DateTimeOffset(2017, 1, 26, 0, 0, 0, TimeSpan.Zero);
        var buffer = new byte[4];
        Assert.True(RadiusValueCodec.TryEncodeTime(moment, buffer, out _));
        Assert.Equal(Hex("58 89 3c 00"), buffer);
        Assert.True(RadiusValueCodec.TryDecodeTime(buffer, out var decoded));
        Assert.Equal(moment, decoded);

        Assert.False(RadiusValueCodec.TryEncodeTime(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero), buffer, out _));
        Assert.False(RadiusValueCodec.TryEncodeTime(new DateTimeOffset(2106, 2, 7, 6, 28, 16, TimeSpan.Zero), buffer, out _));
        Assert.True(RadiusValueCodec.TryEncodeTime(new DateTimeOffset(2106, 2, 7, 6, 28, 15, TimeSpan.Zero), buffer, out _));
        Assert.Equal(Hex("ff ff ff ff"), buffer);
    }

    [Fact]
    public void Addresses_are_raw_network_order_bytes()
    {
        var buffer = new byte[16];
        Assert.True(RadiusValueCodec.TryEncodeIPv4Address(IPAddress.Parse("192.0.2.1"), buffer, out var written));
        Assert.Equal(Hex("c0 00 02 01"), buffer[..written]);
        Assert.False(RadiusValueCodec.TryEncodeIPv4Address(IPAddress.Parse("2001:db8::1"), buffer, out _));
        Assert.False(RadiusValueCodec.TryEncodeIPv6Address(IPAddress.Parse("192.0.2.1"), buffer, out _));

        Assert.True(RadiusValueCodec.TryEncodeIPv6Address(IPAddress.Parse("2001:db8::1"), buffer, out written));
        Assert.Equal(Hex("20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01"), buffer[..written]);

        Assert.True(RadiusValueCodec.TryDecodeComboAddress(Hex("c0 00 02 01"), out var combo4));
        Assert.Equal(IPAddress.Parse("192.0.2.1"), combo4);
        Assert.True(RadiusValueCodec.TryDecodeComboAddress(Hex("20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01"), out var combo6));
        Assert.Equal(IPAddress.Parse("2001:db8::1"), combo6);
        Assert.False(RadiusValueCodec.TryDecodeComboAddress(new byte[5], out _));
        Assert.True(RadiusValueCodec.TryEncodeComboAddress(IPAddress.Parse("2001:db8::1"), buffer, out written));
        Assert.Equal(16, written);
    }

    [Theory]
    [InlineData("2001:db8::/32", "00 20 20 01 0d b8")]
    [InlineData("::/0", "00 00")]
    [InlineData("2001:db8::/64", "00 40 20 01 0d b8 00 00 00 00")]
    [InlineData("2001:db8:1::/33", "00 21 20 01 0d b8 00")]
    [InlineData("2001:db8::1/128", "00 80 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01")]
    public void IPv6_prefix_writes_the_fewest_prefix_bytes(string prefix, string wire)
    {
        var buffer = new byte[18];
        Assert.True(RadiusValueCodec.TryEncodeIPv6Prefix(IPNetwork.Parse(prefix), buffer, out var written));
        Assert.Equal(Hex(wire), buffer[..written]);
        Assert.Equal(RadiusValueError.None, RadiusValueCodec.TryDecodeIPv6Prefix(Hex(wire), out var decoded));
        Assert.Equal(IPNetwork.Parse(prefix), decoded);
    }

    [Fact]
    public void IPv6_prefix_reads_left_off_bytes_as_zero()
    {
        Assert.Equal(RadiusValueError.None, RadiusValueCodec.TryDecodeIPv6Prefix(Hex("00 40 20 01 0d b8"), out var prefix));
        Assert.Equal(IPNetwork.Parse("2001:db8::/64"), prefix);

        // Trailing zero bytes past the prefix length are allowed ("if included, MUST be zero").
        Assert.Equal(RadiusValueError.None, RadiusValueCodec.TryDecodeIPv6Prefix(Hex("00 20 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 00"), out prefix));
        Assert.Equal(IPNetwork.Parse("2001:db8::/32"), prefix);
    }

    [Theory]
    [InlineData("00", RadiusValueError.WrongLength)]
    [InlineData("", RadiusValueError.WrongLength)]
    [InlineData("00 80 20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01 00", RadiusValueError.WrongLength)]
    [InlineData("01 20 20 01 0d b8", RadiusValueError.ReservedNotZero)]
    [InlineData("00 81 20 01 0d b8", RadiusValueError.PrefixLengthOutOfRange)]
    [InlineData("00 20 20 01 0d b8 01", RadiusValueError.BitsBeyondPrefix)]
    [InlineData("00 21 20 01 0d b8 40", RadiusValueError.BitsBeyondPrefix)]
    [InlineData("00 00 80", RadiusValueError.BitsBeyondPrefix)]
    public void IPv6_prefix_rejects_invalid_values(string wire, RadiusValueError expected)
    {
        Assert.Equal(expected, RadiusValueCodec.TryDecodeIPv6Prefix(Hex(wire), out _));
        Assert.Equal(expected, RadiusValueCodec.Validate(RadiusDataType.IPv6Prefix, Hex(wire)));
    }

    [Fact]
    public void IPv4_prefix_is_reserved_length_and_four_address_bytes()
    {
        var buffer = new byte[6];
        Assert.True(RadiusValueCodec.TryEncodeIPv4Prefix(IPNetwork.Parse("192.0.2.0/24"), buffer, out var written));
        Assert.Equal(Hex("00 18 c0 00 02 00"), buffer[..written]);
        Assert.Equal(RadiusValueError.None, RadiusValueCodec.TryDecodeIPv4Prefix(Hex("00 20 c0 00 02 01"), out var host));
        Assert.Equal(IPNetwork.Parse("192.0.2.1/32"), host);
        Assert.Equal(RadiusValueError.None, RadiusValueCodec.TryDecodeIPv4Prefix(Hex("00 00 00 00 00 00"), out var all));
        Assert.Equal(0, all.PrefixLength);

        Assert.Equal(RadiusValueError.WrongLength, RadiusValueCodec.TryDecodeIPv4Prefix(Hex("00 18 c0 00 02"), out _));
        Assert.Equal(RadiusValueError.ReservedNotZero, RadiusValueCodec.TryDecodeIPv4Prefix(Hex("01 18 c0 00 02 00"), out _));
        Assert.Equal(RadiusValueError.PrefixLengthOutOfRange, RadiusValueCodec.TryDecodeIPv4Prefix(Hex("00 21 c0 00 02 00"), out _));
        Assert.Equal(RadiusValueError.BitsBeyondPrefix, RadiusValueCodec.TryDecodeIPv4Prefix(Hex("00 18 c0 00 02 01"), out _));
        Assert.False(RadiusValueCodec.TryEncodeIPv4Prefix(IPNetwork.Parse("2001:db8::/32"), buffer, out _));
    }

    [Fact]
    public void Interface_id_and_ether_are_fixed_byte_strings()
    {
        var buffer = new byte[8];
        Assert.True(RadiusValueCodec.TryEncodeInterfaceId(0x0011_2233_4455_6677, buffer, out var written));
        Assert.Equal(Hex("00 11 22 33 44 55 66 77"), buffer[..written]);
        Assert.True(RadiusValueCodec.TryDecodeEther(Hex("00 11 22 33 44 55"), out var mac));
        Assert.True(RadiusValueCodec.TryEncodeEther(mac, buffer, out written));
        Assert.Equal(Hex("00 11 22 33 44 55"), buffer[..written]);
        Assert.False(RadiusValueCodec.TryDecodeEther(Hex("00 11 22 33 44"), out _));
        Assert.False(RadiusValueCodec.TryDecodeInterfaceId(Hex("00 11 22 33 44 55 66"), out _));
    }

    [Fact]
    public void Text_is_strict_utf8_and_never_empty_when_sent()
    {
        var buffer = new byte[16];
        Assert.True(RadiusValueCodec.TryEncodeText("é", buffer, out var written));
        Assert.Equal(Hex("c3 a9"), buffer[..written]);
        Assert.True(RadiusValueCodec.TryDecodeText(Hex("c3 a9"), out var text));
        Assert.Equal("é", text);

        Assert.False(RadiusValueCodec.TryDecodeText(Hex("c3 28"), out _));
        Assert.False(RadiusValueCodec.TryDecodeText(Hex("ed a0 80"), out _));
        Assert.Equal(RadiusValueError.InvalidUtf8, RadiusValueCodec.Validate(RadiusDataType.Text, Hex("ff")));
        Assert.False(RadiusValueCodec.TryEncodeText("", buffer, out _));
        Assert.False(RadiusValueCodec.TryEncodeText("\ud800", buffer, out _));
        Assert.False(RadiusValueCodec.TryEncodeText(new string('a', 17), buffer, out _));
        Assert.False(RadiusValueCodec.TryEncodeOctets([], buffer, out _));

        // Received empty text is tolerated: RFC 2865 §5 only forbids sending it.
        Assert.True(RadiusValueCodec.TryDecodeText([], out var empty));
        Assert.Equal("", empty);
    }

    [Theory]
    [InlineData(RadiusDataType.Integer, 4)]
    [InlineData(RadiusDataType.Enum, 4)]
    [InlineData(RadiusDataType.Time, 4)]
    [InlineData(RadiusDataType.Signed, 4)]
    [InlineData(RadiusDataType.IPv4Address, 4)]
    [InlineData(RadiusDataType.Integer64, 8)]
    [InlineData(RadiusDataType.InterfaceId, 8)]
    [InlineData(RadiusDataType.IPv6Address, 16)]
    [InlineData(RadiusDataType.Byte, 1)]
    [InlineData(RadiusDataType.Short, 2)]
    [InlineData(RadiusDataType.Ether, 6)]
    [InlineData(RadiusDataType.IPv4Prefix, 6)]
    public void Fixed_length_types_accept_only_their_length(RadiusDataType type, int length)
    {
        for (var size = 0; size <= 20; size++)
        {
            var expected = size == length ? RadiusValueError.None : RadiusValueError.WrongLength;
            Assert.Equal(expected, RadiusValueCodec.Validate(type, new byte[size]));
        }
    }

    [Fact]
    public void Combo_address_accepts_four_or_sixteen_bytes()
    {
        for (var size = 0; size <= 20; size++)
        {
            var expected = size is 4 or 16 ? RadiusValueError.None : RadiusValueError.WrongLength;
            Assert.Equal(expected, RadiusValueCodec.Validate(RadiusDataType.ComboIPAddress, new byte[size]));
        }
    }

    [Fact]
    public void Encoders_refuse_a_destination_too_small()
    {
        var small = new byte[3];
        Assert.False(RadiusValueCodec.TryEncodeUInt32(1, small, out var written));
        Assert.Equal(0, written);
        Assert.False(RadiusValueCodec.TryEncodeUInt64(1, new byte[7], out _));
        Assert.False(RadiusValueCodec.TryEncodeIPv4Address(IPAddress.Loopback, small, out _));
        Assert.False(RadiusValueCodec.TryEncodeIPv6Prefix(IPNetwork.Parse("2001:db8::/32"), new byte[5], out _));
        Assert.False(RadiusValueCodec.TryEncodeIPv4Prefix(IPNetwork.Parse("192.0.2.0/24"), new byte[5], out _));
        Assert.False(RadiusValueCodec.TryEncodeByte(1, [], out _));
    }
}
