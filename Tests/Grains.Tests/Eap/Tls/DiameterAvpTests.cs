using System.Buffers;
using Orleans.Radius.Grains.Eap.Methods;

namespace Orleans.Radius.Grains.Tests.Eap.Tls;

/// <summary>The EAP-TTLS AVP codec (RFC 5281 §10.1): layout, padding, and every truncation refused without a throw.</summary>
public sealed class DiameterAvpTests
{
    [Fact]
    public void Writes_the_rfc_layout_with_padding_and_reads_it_back()
    {
        var writer = new ArrayBufferWriter<byte>();
        DiameterAvpWriter.Write(writer, 1, 0, mandatory: true, "bob"u8);
        DiameterAvpWriter.Write(writer, 26, 311, mandatory: true, [7, 8]);

        Assert.Equal(
            [0, 0, 0, 1, 0x40, 0, 0, 11, (byte)'b', (byte)'o', (byte)'b', 0, 0, 0, 0, 26, 0xC0, 0, 0, 14, 0, 0, 1, 55, 7, 8, 0, 0],
            writer.WrittenSpan.ToArray());

        var reader = new DiameterAvpReader(writer.WrittenSpan);
        Assert.True(reader.TryRead(out var first));
        Assert.True(first.Is(0, 1) && first.IsMandatory && first.Data.SequenceEqual("bob"u8));
        Assert.True(reader.TryRead(out var second));
        Assert.True(second.Is(311, 26) && second.Data.SequenceEqual(new byte[] { 7, 8 }));
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.IsEnd);
    }

    [Fact]
    public void Every_truncation_is_refused_or_read_short_without_a_throw()
    {
        var writer = new ArrayBufferWriter<byte>();
        DiameterAvpWriter.Write(writer, 1, 0, mandatory: true, "alice"u8);
        DiameterAvpWriter.Write(writer, 25, 311, mandatory: true, new byte[50]);
        var whole = writer.WrittenSpan.ToArray();

        Assert.Equal(80, whole.Length);
        for (var length = 0; length < whole.Length; length++)
        {
            var reader = new DiameterAvpReader(whole.AsSpan(0, length));
            var count = 0;
            while (reader.TryRead(out _))
            {
                count++;
            }

            // The first AVP's data ends at 13 (padded to 16), the second's at 78 (padded to 80): a cut anywhere
            // else falls inside an AVP and must leave the reader short of the end.
            var onBoundary = length == 0 || length is >= 13 and <= 16 || length >= 78;
            Assert.Equal(onBoundary, reader.IsEnd);
            Assert.Equal(length >= 78 ? 2 : length >= 13 ? 1 : 0, count);
        }
    }

    [Fact]
    public void A_length_below_the_header_or_past_the_data_is_refused()
    {
        byte[] tooShort = [0, 0, 0, 1, 0x40, 0, 0, 4];
        byte[] tooLong = [0, 0, 0, 1, 0x40, 0, 1, 0, 1, 2, 3, 4];
        byte[] vendorWithoutId = [0, 0, 0, 1, 0x80, 0, 0, 8];

        Assert.False(new DiameterAvpReader(tooShort).TryRead(out _));
        Assert.False(new DiameterAvpReader(tooLong).TryRead(out _));
        Assert.False(new DiameterAvpReader(vendorWithoutId).TryRead(out _));
    }
}
