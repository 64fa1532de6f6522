using Orleans.Radius.Protocol.Attributes;
using static Orleans.Radius.Protocol.Tests.Attributes.RadiusValueCodecTests;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusTaggedValueTests
{
    [Theory]
    [InlineData("01 61 62", 1, "61 62")]
    [InlineData("1f 61", 0x1F, "61")]
    [InlineData("20 61", 0, "20 61")]
    [InlineData("61 62", 0, "61 62")]
    [InlineData("00 61", 0, "00 61")]
    [InlineData("05", 5, "")]
    [InlineData("", 0, "")]
    public void String_tag_is_the_first_byte_only_when_in_range(string wire, byte tag, string data)
    {
        RadiusTaggedValue.ReadString(Hex(wire), out var readTag, out var readData);
        Assert.Equal(tag, readTag);
        Assert.Equal(Hex(data), readData.ToArray());
    }

    [Fact]
    public void String_writer_never_writes_an_ambiguous_value()
    {
        var buffer = new byte[8];
        Assert.True(RadiusTaggedValue.TryWriteString(3, "vpn"u8, buffer, out var written));
        Assert.Equal(Hex("03 76 70 6e"), buffer[..written]);
        Assert.True(RadiusTaggedValue.TryWriteString(0, "vpn"u8, buffer, out written));
        Assert.Equal("vpn"u8.ToArray(), buffer[..written]);
        Assert.False(RadiusTaggedValue.TryWriteString(0, [0x05, 0x61], buffer, out _));
        Assert.True(RadiusTaggedValue.TryWriteString(1, [0x05, 0x61], buffer, out written));
        Assert.Equal(Hex("01 05 61"), buffer[..written]);
        Assert.False(RadiusTaggedValue.TryWriteString(0x20, "vpn"u8, buffer, out _));
        Assert.False(RadiusTaggedValue.TryWriteString(1, [], buffer, out _));
    }

    [Fact]
    public void Integer_is_tag_then_three_bytes()
    {
        // Tunnel-Type (64) = L2TP (3) with tag 1: 01 00 00 03 (RFC 2868 §3.1).
        var buffer = new byte[4];
        Assert.True(RadiusTaggedValue.TryWriteInteger(1, 3, buffer, out _));
        Assert.Equal(Hex("01 00 00 03"), buffer);
        Assert.True(RadiusTaggedValue.TryReadInteger(Hex("00 ff ff ff"), out var tag, out var value));
        Assert.Equal((0, 0xFFFFFFu), (tag, value));
        Assert.False(RadiusTaggedValue.TryReadInteger(Hex("20 00 00 03"), out _, out _));
        Assert.False(RadiusTaggedValue.TryReadInteger(Hex("01 00 03"), out _, out _));
        Assert.False(RadiusTaggedValue.TryWriteInteger(1, 0x0100_0000, buffer, out _));
    }

    [Fact]
    public void Tunnel_password_is_tag_salt_and_whole_blocks()
    {
        var encrypted = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var buffer = new byte[64];
        Assert.True(RadiusTaggedValue.TryWriteTunnelPassword(2, 0x8123, encrypted, buffer, out var written));
        Assert.Equal(35, written);
        Assert.Equal(Hex("02 81 23"), buffer[..3]);
        Assert.True(RadiusTaggedValue.TryReadTunnelPassword(buffer.AsSpan(0, written), out var tag, out var salt, out var data));
        Assert.Equal((2, 0x8123), (tag, salt));
        Assert.Equal(encrypted, data.ToArray());

        Assert.False(RadiusTaggedValue.TryWriteTunnelPassword(2, 0x0123, encrypted, buffer, out _));
        Assert.False(RadiusTaggedValue.TryWriteTunnelPassword(2, 0x8123, encrypted.AsSpan(0, 15), buffer, out _));
        for (var length = 0; length < written; length++)
        {
            Assert.Equal(length == 19, RadiusTaggedValue.TryReadTunnelPassword(buffer.AsSpan(0, length), out _, out _, out _));
        }

        buffer[1] = 0x01;
        Assert.False(RadiusTaggedValue.TryReadTunnelPassword(buffer.AsSpan(0, written), out _, out _, out _));
    }
}
