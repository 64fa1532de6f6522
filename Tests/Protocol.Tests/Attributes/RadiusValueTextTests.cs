using Orleans.Radius.Protocol.Attributes;
using static Orleans.Radius.Protocol.Tests.Attributes.RadiusValueCodecTests;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusValueTextTests
{
    [Theory]
    [InlineData(RadiusDataType.Integer, "4294967295", "ff ff ff ff")]
    [InlineData(RadiusDataType.Enum, "3", "00 00 00 03")]
    [InlineData(RadiusDataType.Time, "2017-01-26T00:00:00Z", "58 89 3c 00")]
    [InlineData(RadiusDataType.Signed, "-1", "ff ff ff ff")]
    [InlineData(RadiusDataType.Integer64, "18446744073709551615", "ff ff ff ff ff ff ff ff")]
    [InlineData(RadiusDataType.Byte, "200", "c8")]
    [InlineData(RadiusDataType.Short, "65535", "ff ff")]
    [InlineData(RadiusDataType.IPv4Address, "192.0.2.1", "c0 00 02 01")]
    [InlineData(RadiusDataType.IPv6Address, "2001:db8::1", "20 01 0d b8 00 00 00 00 00 00 00 00 00 00 00 01")]
    [InlineData(RadiusDataType.ComboIPAddress, "192.0.2.1", "c0 00 02 01")]
    [InlineData(RadiusDataType.IPv6Prefix, "2001:db8::/32", "00 20 20 01 0d b8")]
    [InlineData(RadiusDataType.IPv4Prefix, "192.0.2.0/24", "00 18 c0 00 02 00")]
    [InlineData(RadiusDataType.InterfaceId, "0011:2233:4455:6677", "00 11 22 33 44 55 66 77")]
    [InlineData(RadiusDataType.Ether, "00:11:22:aa:bb:cc", "00 11 22 aa bb cc")]
    [InlineData(RadiusDataType.Text, "héllo", "68 c3 a9 6c 6c 6f")]
    [InlineData(RadiusDataType.String, "class-1", "63 6c 61 73 73 2d 31")]
    [InlineData(RadiusDataType.String, "0x00ff", "00 ff")]
    [InlineData(RadiusDataType.Octets, "0x0102", "01 02")]
    [InlineData(RadiusDataType.Tlv, "0x010300", "01 03 00")]
    public void Canonical_text_parses_to_the_wire_value_and_formats_back(RadiusDataType type, string text, string wire)
    {
        var buffer = new byte[32];
        Assert.True(RadiusValueText.TryParse(type, text, buffer, out var written));
        Assert.Equal(Hex(wire), buffer[..written]);
        Assert.True(RadiusValueText.TryFormat(type, Hex(wire), out var formatted));
        Assert.Equal(text, formatted);
    }

    [Theory]
    [InlineData(RadiusDataType.Integer, "0x10", "00 00 00 10")]
    [InlineData(RadiusDataType.Integer, "0XfF", "00 00 00 ff")]
    [InlineData(RadiusDataType.Signed, "0xffffffff", "ff ff ff ff")]
    [InlineData(RadiusDataType.Time, "1485388800", "58 89 3c 00")]
    [InlineData(RadiusDataType.Time, "2017-01-26T01:00:00+01:00", "58 89 3c 00")]
    [InlineData(RadiusDataType.Ether, "00-11-22-aa-bb-cc", "00 11 22 aa bb cc")]
    [InlineData(RadiusDataType.Octets, "ab", "61 62")]
    public void Other_accepted_spellings(RadiusDataType type, string text, string wire)
    {
        var buffer = new byte[32];
        Assert.True(RadiusValueText.TryParse(type, text, buffer, out var written));
        Assert.Equal(Hex(wire), buffer[..written]);
    }

    [Theory]
    [InlineData(RadiusDataType.Integer, "4294967296")]
    [InlineData(RadiusDataType.Integer, "-1")]
    [InlineData(RadiusDataType.Integer, " 1")]
    [InlineData(RadiusDataType.Integer, "0x")]
    [InlineData(RadiusDataType.Byte, "256")]
    [InlineData(RadiusDataType.Short, "0x10000")]
    [InlineData(RadiusDataType.Enum, "Framed-User")]
    [InlineData(RadiusDataType.IPv4Address, "10")]
    [InlineData(RadiusDataType.IPv4Address, "2001:db8::1")]
    [InlineData(RadiusDataType.IPv6Address, "192.0.2.1")]
    [InlineData(RadiusDataType.IPv6Prefix, "2001:db8::1/32")]
    [InlineData(RadiusDataType.IPv6Prefix, "192.0.2.0/24")]
    [InlineData(RadiusDataType.IPv4Prefix, "192.0.2.0/33")]
    [InlineData(RadiusDataType.Ether, "00:11:22:33:44")]
    [InlineData(RadiusDataType.Ether, "00:11-22:33:44:55")]
    [InlineData(RadiusDataType.Ether, "00:11:22:33:44:5g")]
    [InlineData(RadiusDataType.InterfaceId, "11:2233:4455:6677")]
    [InlineData(RadiusDataType.Text, "")]
    [InlineData(RadiusDataType.Octets, "0x123")]
    [InlineData(RadiusDataType.Octets, "0xzz")]
    [InlineData(RadiusDataType.Tlv, "0x0102")]
    [InlineData(RadiusDataType.Vsa, "0x01000000")]
    [InlineData(RadiusDataType.Time, "yesterday")]
    public void Rejects_text_the_type_does_not_accept(RadiusDataType type, string text)
    {
        Assert.False(RadiusValueText.TryParse(type, text, new byte[64], out var written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Enum_names_go_through_the_dictionary_hooks()
    {
        var buffer = new byte[4];
        Assert.True(RadiusValueText.TryParse(RadiusDataType.Enum, "Framed-User", buffer, out _, name => name == "Framed-User" ? 2u : null));
        Assert.Equal(Hex("00 00 00 02"), buffer);
        Assert.True(RadiusValueText.TryFormat(RadiusDataType.Enum, buffer, out var text, value => value == 2 ? "Framed-User" : null));
        Assert.Equal("Framed-User", text);
        Assert.True(RadiusValueText.TryFormat(RadiusDataType.Enum, Hex("00 00 00 09"), out text, _ => null));
        Assert.Equal("9", text);
    }

    [Fact]
    public void Binary_strings_format_as_hex_so_they_parse_back_unchanged()
    {
        foreach (var wire in new[] { "00 41", "30 78 31 32", "e9", "41 0a" })
        {
            Assert.True(RadiusValueText.TryFormat(RadiusDataType.String, Hex(wire), out var text));
            Assert.StartsWith("0x", text, StringComparison.Ordinal);
            var buffer = new byte[8];
            Assert.True(RadiusValueText.TryParse(RadiusDataType.String, text, buffer, out var written));
            Assert.Equal(Hex(wire), buffer[..written]);
        }
    }

    [Fact]
    public void Refuses_to_format_invalid_values()
    {
        Assert.False(RadiusValueText.TryFormat(RadiusDataType.Integer, Hex("00 01"), out _));
        Assert.False(RadiusValueText.TryFormat(RadiusDataType.IPv6Prefix, Hex("00 20 20 01 0d b8 01"), out _));
        Assert.False(RadiusValueText.TryFormat(RadiusDataType.Text, Hex("c3"), out _));
    }
}
