using Orleans.Radius.Protocol.Attributes;
using static Orleans.Radius.Protocol.Tests.Attributes.RadiusValueCodecTests;

namespace Orleans.Radius.Protocol.Tests.Attributes;

public class RadiusTlvReaderTests
{
    [Fact]
    public void Reads_tlvs_and_opens_nested_ones()
    {
        // TLV 1 = "ab"; TLV 2 holds TLV 3 = 0x07.
        var value = Hex("01 04 61 62  02 05 03 03 07");
        Assert.Equal(RadiusTlvError.None, RadiusTlvReader.TryCreate(value, out var reader));
        Assert.True(reader.MoveNext());
        Assert.Equal(1, reader.Current.Type);
        Assert.Equal("ab"u8.ToArray(), reader.Current.Value.ToArray());
        Assert.True(reader.MoveNext());
        Assert.Equal(2, reader.Current.Type);
        Assert.Equal(RadiusTlvError.None, reader.TryOpenNested(reader.Current.Value, out var nested));
        Assert.Equal(2, nested.Depth);
        Assert.True(nested.MoveNext());
        Assert.Equal((3, (byte)7), (nested.Current.Type, nested.Current.Value[0]));
        Assert.False(nested.MoveNext());
        Assert.False(reader.MoveNext());
    }

    [Theory]
    [InlineData("", RadiusTlvError.Empty)]
    [InlineData("01", RadiusTlvError.HeaderTruncated)]
    [InlineData("01 02", RadiusTlvError.LengthTooSmall)]
    [InlineData("01 00", RadiusTlvError.LengthTooSmall)]
    [InlineData("01 04 61", RadiusTlvError.Overrun)]
    [InlineData("01 03 61 02", RadiusTlvError.HeaderTruncated)]
    public void Rejects_malformed_values(string wire, RadiusTlvError expected) =>
        Assert.Equal(expected, RadiusTlvReader.TryCreate(Hex(wire), out _));

    [Fact]
    public void Every_truncation_is_rejected_except_at_tlv_boundaries()
    {
        var value = Hex("01 04 61 62  02 05 03 03 07");
        for (var length = 0; length < value.Length; length++)
        {
            var expectValid = length == 4;
            Assert.Equal(expectValid, RadiusTlvReader.Validate(value.AsSpan(0, length)) == RadiusTlvError.None);
        }
    }

    [Fact]
    public void Nesting_stops_at_the_depth_cap()
    {
        // Ten levels of TLV type 1, each wrapping the next, innermost holding one byte.
        byte[] value = [1, 3, 0];
        for (var i = 0; i < 9; i++)
        {
            value = [1, (byte)(value.Length + 2), .. value];
        }

        Assert.Equal(RadiusTlvError.None, RadiusTlvReader.TryCreate(value, out var reader, maxDepth: 4));
        var depth = 1;
        RadiusTlvError error;
        while (true)
        {
            Assert.True(reader.MoveNext());
            error = reader.TryOpenNested(reader.Current.Value, out var nested);
            if (error != RadiusTlvError.None)
            {
                break;
            }

            reader = nested;
            depth++;
        }

        Assert.Equal(RadiusTlvError.DepthExceeded, error);
        Assert.Equal(4, depth);
        Assert.Equal(RadiusTlvError.DepthExceeded, RadiusTlvReader.TryCreate(value, out _, maxDepth: 0));
        Assert.Equal(RadiusTlvError.DepthExceeded, default(RadiusTlvReader).TryOpenNested(value, out _));
    }
}
