using Orleans.Radius.Protocol.Attributes;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Attributes.RadiusValueCodecTests;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusLongExtendedTests
{
    [Fact]
    public void Extended_value_is_extended_type_then_data()
    {
        Assert.True(RadiusExtendedAttribute.TryReadExtended(Hex("01 61 62"), out var extendedType, out var data));
        Assert.Equal(1, extendedType);
        Assert.Equal("ab"u8.ToArray(), data.ToArray());
        Assert.False(RadiusExtendedAttribute.TryReadExtended([], out _, out _));

        var packet = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(packet, RadiusCode.AccessAccept, 1, default);
        Assert.True(RadiusExtendedAttribute.TryWriteExtended(ref writer, 241, 1, "ab"u8));
        Assert.Equal(Hex("f1 05 01 61 62"), writer.Written[RadiusPacket.HeaderLength..].ToArray());
        Assert.False(RadiusExtendedAttribute.TryWriteExtended(ref writer, 245, 1, "ab"u8));
        Assert.False(RadiusExtendedAttribute.TryWriteExtended(ref writer, 241, 1, new byte[253]));
        Assert.True(RadiusExtendedAttribute.TryWriteExtended(ref writer, 244, 1, new byte[252]));
    }

    [Fact]
    public void Long_extended_flags_carry_more_and_reserved_bits_are_ignored()
    {
        Assert.True(RadiusExtendedAttribute.TryReadLongExtended(Hex("01 80 61"), out var extendedType, out var more, out var data));
        Assert.Equal((1, true), (extendedType, more));
        Assert.Equal("a"u8.ToArray(), data.ToArray());
        Assert.True(RadiusExtendedAttribute.TryReadLongExtended(Hex("01 7f"), out _, out more, out data));
        Assert.False(more);
        Assert.True(data.IsEmpty);
        Assert.False(RadiusExtendedAttribute.TryReadLongExtended(Hex("01"), out _, out _, out _));
    }

    [Fact]
    public void Extended_vendor_specific_is_vendor_id_type_and_data()
    {
        // Extended-Type 26 data: Vendor-Id 311, Vendor-Type 5, data "ab" (RFC 6929 §2.4).
        var buffer = new byte[16];
        Assert.True(RadiusExtendedAttribute.TryWriteVendorSpecific(311, 5, "ab"u8, buffer, out var written));
        Assert.Equal(Hex("00 00 01 37 05 61 62"), buffer[..written]);
        Assert.True(RadiusExtendedAttribute.TryReadVendorSpecific(buffer.AsSpan(0, written), out var vendorId, out var vendorType, out var data));
        Assert.Equal((311u, (byte)5), (vendorId, vendorType));
        Assert.Equal("ab"u8.ToArray(), data.ToArray());
        Assert.False(RadiusExtendedAttribute.TryReadVendorSpecific(Hex("01 00 01 37 05"), out _, out _, out _));
        for (var length = 0; length < 5; length++)
        {
            Assert.False(RadiusExtendedAttribute.TryReadVendorSpecific(buffer.AsSpan(0, length), out _, out _, out _));
        }
    }

    [Fact]
    public void Splits_at_251_bytes_with_more_on_all_but_the_last()
    {
        var data = Enumerable.Range(0, 600).Select(i => (byte)i).ToArray();
        var packet = WritePacket(245, 7, data);
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
        var fragments = new List<(int Length, byte Flags)>();
        foreach (var attribute in reader)
        {
            Assert.Equal(245, attribute.Type);
            Assert.Equal(7, attribute.Value[0]);
            fragments.Add((attribute.Value.Length + 2, attribute.Value[1]));
        }

        Assert.Equal([(255, (byte)0x80), (255, (byte)0x80), (600 - 502 + 4, (byte)0)], fragments);
    }

    [Fact]
    public void Split_and_join_round_trip_for_sizes_0_to_1000()
    {
        var destination = new byte[RadiusLongExtended.MaxJoinedLength];
        for (var size = 0; size <= 1000; size++)
        {
            var data = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
            var packet = WritePacket(246, 3, data, before: true);
            Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
            Assert.Equal(RadiusPacket.HeaderLength + 3 + RadiusLongExtended.EncodedLength(size) + 3, packet.Length);
            var start = RadiusPacket.HeaderLength + 3;
            var error = RadiusLongExtended.TryJoin(reader.Packet, start, destination, out var extendedType, out var written, out var next);
            Assert.Equal(RadiusLongExtendedError.None, error);
            Assert.Equal(3, extendedType);
            Assert.Equal(data, destination[..written]);
            Assert.Equal(packet.Length - 3, next);
        }
    }

    [Fact]
    public void Every_truncation_of_a_fragmented_run_is_rejected()
    {
        var attributes = WritePacket(245, 1, new byte[600])[RadiusPacket.HeaderLength..];
        var destination = new byte[RadiusLongExtended.MaxJoinedLength];
        for (var length = 0; length < attributes.Length; length++)
        {
            Assert.NotEqual(RadiusLongExtendedError.None, RadiusLongExtended.TryJoin(attributes.AsSpan(0, length), 0, destination, out _, out _, out _));
        }
    }

    [Fact]
    public void Rejects_broken_runs()
    {
        var destination = new byte[4096];
        var full = new byte[255];
        full[0] = 245;
        full[1] = 255;
        full[2] = 1;
        full[3] = 0x80;

        Assert.Equal(RadiusLongExtendedError.MoreOnLast, RadiusLongExtended.TryJoin(full, 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.NotConsecutive,
            RadiusLongExtended.TryJoin([.. full, 1, 3, 0x61], 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.NotConsecutive,
            RadiusLongExtended.TryJoin([.. full, 245, 4, 2, 0], 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.NotConsecutive,
            RadiusLongExtended.TryJoin([.. full, 246, 4, 1, 0], 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.MoreOnShortFragment,
            RadiusLongExtended.TryJoin(Hex("f5 05 01 80 61 f5 04 01 00"), 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.NotLongExtended, RadiusLongExtended.TryJoin(Hex("f1 04 01 00"), 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.Malformed, RadiusLongExtended.TryJoin(Hex("f5 03 01"), 0, destination, out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.DestinationTooSmall,
            RadiusLongExtended.TryJoin([.. full, 245, 4, 1, 0], 0, new byte[100], out _, out _, out _));
        Assert.Equal(RadiusLongExtendedError.None, RadiusLongExtended.TryJoin([.. full, 245, 4, 1, 0], 0, destination, out _, out var written, out _));
        Assert.Equal(251, written);
    }

    [Fact]
    public void Caps_reassembly_at_4096_bytes()
    {
        // 17 full fragments carry 4267 bytes: more than any packet holds, so a hostile run is refused.
        var run = new List<byte>();
        for (var i = 0; i < 17; i++)
        {
            run.AddRange([245, 255, 1, (byte)(i < 16 ? 0x80 : 0)]);
            run.AddRange(new byte[251]);
        }

        Assert.Equal(RadiusLongExtendedError.TooLarge, RadiusLongExtended.TryJoin(run.ToArray(), 0, new byte[8192], out _, out _, out _));
    }

    [Fact]
    public void Writer_writes_nothing_when_the_run_does_not_fit()
    {
        var packet = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(packet.AsSpan(0, 300), RadiusCode.AccessAccept, 1, default);
        Assert.False(RadiusLongExtended.TryWrite(ref writer, 245, 1, new byte[300]));
        Assert.Equal(RadiusPacket.HeaderLength, writer.Length);
        Assert.False(RadiusLongExtended.TryWrite(ref writer, 241, 1, new byte[10]));
        Assert.True(RadiusLongExtended.TryWrite(ref writer, 245, 1, new byte[10]));
    }

    private static byte[] WritePacket(byte type, byte extendedType, byte[] data, bool before = false)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessAccept, 1, default);
        if (before)
        {
            Assert.True(writer.TryWriteAttribute(RadiusAttributeType.UserName, "u"u8));
        }

        Assert.True(RadiusLongExtended.TryWrite(ref writer, type, extendedType, data));
        if (before)
        {
            Assert.True(writer.TryWriteAttribute(RadiusAttributeType.UserName, "v"u8));
        }

        return writer.Complete().ToArray();
    }
}
