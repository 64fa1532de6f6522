using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Attributes.RadiusValueCodecTests;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusVendorSpecificTests
{
    [Fact]
    public void Reads_default_format_sub_attributes()
    {
        // Microsoft (311): MS-CHAP-Error (2) "ab", then type 7 with empty data (length 2 = header only).
        var value = Hex("00 00 01 37  02 04 61 62  07 02");
        Assert.Equal(RadiusVendorSpecificError.None, RadiusVendorSpecificReader.TryCreate(value, RadiusVendorFormat.Default, out var reader));
        Assert.Equal(311u, reader.VendorId);
        var seen = new List<string>();
        foreach (var attribute in reader)
        {
            seen.Add($"{attribute.Type}={Convert.ToHexString(attribute.Value)}");
        }

        Assert.Equal(["2=6162", "7="], seen);
    }

    [Theory]
    [InlineData("00 00 01 37 00 00 00 05 aa bb", 4, 0, false, 5u, "aa bb")]
    [InlineData("00 00 12 ee 01 02 05 aa bb", 2, 1, false, 0x102u, "aa bb")]
    [InlineData("00 00 1f e4 01 02 00 06 aa bb", 2, 2, false, 0x102u, "aa bb")]
    [InlineData("00 00 60 b5 09 05 80 aa bb", 1, 1, true, 9u, "aa bb")]
    public void Reads_each_freeradius_vendor_format(string wire, int typeSize, int lengthSize, bool continuation, uint type, string data)
    {
        Assert.True(RadiusVendorFormat.TryCreate(typeSize, lengthSize, continuation, out var format));
        Assert.Equal(RadiusVendorSpecificError.None, RadiusVendorSpecificReader.TryCreate(Hex(wire), format, out var reader));
        Assert.True(reader.MoveNext());
        Assert.Equal(type, reader.Current.Type);
        Assert.Equal(Hex(data), reader.Current.Value.ToArray());
        Assert.Equal(continuation, reader.Current.More);
        Assert.False(reader.MoveNext());
    }

    [Theory]
    [InlineData(3, 1, false)]
    [InlineData(1, 3, false)]
    [InlineData(0, 1, false)]
    [InlineData(2, 1, true)]
    [InlineData(1, 0, true)]
    public void Refuses_formats_freeradius_refuses(int typeSize, int lengthSize, bool continuation)
    {
        Assert.False(RadiusVendorFormat.TryCreate(typeSize, lengthSize, continuation, out _));
        Assert.Equal(RadiusVendorSpecificError.InvalidFormat, RadiusVendorSpecificReader.TryCreate(Hex("00 00 00 01 01 03 00"), default, out _));
    }

    [Theory]
    [InlineData("00 00 01", RadiusVendorSpecificError.TooShort)]
    [InlineData("01 00 01 37 01 03 00", RadiusVendorSpecificError.VendorIdHighByteNotZero)]
    [InlineData("00 00 01 37", RadiusVendorSpecificError.NoSubAttributes)]
    [InlineData("00 00 01 37 01", RadiusVendorSpecificError.HeaderTruncated)]
    [InlineData("00 00 01 37 01 01", RadiusVendorSpecificError.LengthTooSmall)]
    [InlineData("00 00 01 37 01 04 00", RadiusVendorSpecificError.Overrun)]
    [InlineData("00 00 01 37 01 03 00 02", RadiusVendorSpecificError.HeaderTruncated)]
    public void Rejects_malformed_default_format(string wire, RadiusVendorSpecificError expected) =>
        Assert.Equal(expected, RadiusVendorSpecificReader.TryCreate(Hex(wire), RadiusVendorFormat.Default, out _));

    [Fact]
    public void Rejects_reserved_continuation_bits_and_short_wide_headers()
    {
        Assert.Equal(RadiusVendorSpecificError.ContinuationReservedBitsSet,
            RadiusVendorSpecificReader.TryCreate(Hex("00 00 60 b5 09 04 01 aa"), RadiusVendorFormat.WiMax, out _));
        Assert.Equal(RadiusVendorSpecificError.LengthTooSmall,
            RadiusVendorSpecificReader.TryCreate(Hex("00 00 60 b5 09 02 00"), RadiusVendorFormat.WiMax, out _));
        Assert.Equal(RadiusVendorSpecificError.LengthTooSmall,
            RadiusVendorSpecificReader.TryCreate(Hex("00 00 1f e4 00 01 00 03"), RadiusVendorFormat.Starent, out _));
        Assert.Equal(RadiusVendorSpecificError.HeaderTruncated,
            RadiusVendorSpecificReader.TryCreate(Hex("00 00 01 37 00 00 05"), RadiusVendorFormat.Usr, out _));
    }

    public static TheoryData<int> Formats => [0, 1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Writer_round_trips_and_every_truncation_is_rejected(int formatIndex)
    {
        var format = AllFormats()[formatIndex];
        var buffer = new byte[300];
        var writer = new RadiusVendorSpecificWriter(buffer, 0x00ABCDEF, format);
        Assert.True(writer.TryWrite(Math.Min(format.MaxType, 0x01020304), "first"u8, more: format.HasContinuation));
        var count = 1;
        if (format.LengthSize != 0)
        {
            Assert.True(writer.TryWrite(1, "second value"u8));
            count++;
        }
        else
        {
            Assert.False(writer.TryWrite(1, "second value"u8));
        }

        var value = writer.Written.ToArray();
        Assert.Equal(RadiusVendorSpecificError.None, RadiusVendorSpecificReader.TryCreate(value, format, out var reader));
        Assert.Equal(0x00ABCDEFu, reader.VendorId);
        var read = 0;
        foreach (var attribute in reader)
        {
            Assert.Equal(read == 0 ? "first"u8.ToArray() : "second value"u8.ToArray(), attribute.Value.ToArray());
            read++;
        }

        Assert.Equal(count, read);
        for (var length = 0; length < value.Length; length++)
        {
            // A cut right after the first sub-attribute leaves a valid VSA; a length-less format has no framing to break.
            var error = RadiusVendorSpecificReader.TryCreate(value.AsSpan(0, length), format, out _);
            var firstEnd = 4 + format.HeaderSize + "first"u8.Length;
            if (format.LengthSize == 0 ? length < 4 + format.HeaderSize : length != firstEnd)
            {
                Assert.NotEqual(RadiusVendorSpecificError.None, error);
            }
            else
            {
                Assert.Equal(RadiusVendorSpecificError.None, error);
            }
        }
    }

    [Fact]
    public void Writer_refuses_what_the_format_cannot_carry()
    {
        var buffer = new byte[300];
        var writer = new RadiusVendorSpecificWriter(buffer, 9, RadiusVendorFormat.Default);
        Assert.False(writer.TryWrite(256, "x"u8));
        Assert.False(writer.TryWrite(1, "x"u8, more: true));
        Assert.False(writer.TryWrite(1, new byte[248]));
        Assert.True(writer.TryWrite(1, new byte[247]));
        Assert.Equal(RadiusPacket.MaxAttributeValueLength, writer.Written.Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RadiusVendorSpecificWriter(buffer, 0x0100_0000, RadiusVendorFormat.Default));
    }

    [Fact]
    public void Matches_the_packet_writers_single_sub_attribute_encoding()
    {
        var packet = new byte[64];
        var packetWriter = new RadiusPacketWriter(packet, RadiusCode.AccessAccept, 1, default);
        Assert.True(packetWriter.TryWriteVendorSpecific(311, 1, [1, 2, 3]));
        var expected = packetWriter.Written[(RadiusPacket.HeaderLength + 2)..].ToArray();

        var writer = new RadiusVendorSpecificWriter(new byte[32], 311, RadiusVendorFormat.Default);
        Assert.True(writer.TryWrite(1, [1, 2, 3]));
        Assert.Equal(expected, writer.Written.ToArray());
    }

    internal static RadiusVendorFormat[] AllFormats() =>
        [RadiusVendorFormat.Default, RadiusVendorFormat.Usr, RadiusVendorFormat.Lucent, RadiusVendorFormat.Starent, RadiusVendorFormat.WiMax];
}
