using Orleans.Radius.Protocol.Eap;
using static Orleans.Radius.Protocol.Tests.Eap.EapBytes;

namespace Orleans.Radius.Protocol.Tests.Eap;

public class EapTlsPacketTests
{
    [Theory]
    [InlineData(EapType.Tls, 0, "01 05 00 06 0D 20")]
    [InlineData(EapType.Ttls, 0, "01 05 00 06 15 20")]
    [InlineData(EapType.Peap, 0, "01 05 00 06 19 20")]
    [InlineData(EapType.Peap, 1, "01 05 00 06 19 21")]
    public void Writes_a_start_with_the_version_in_the_low_bits(EapType type, byte version, string expected)
    {
        var packet = Write(16, (Span<byte> d, out int n) => EapTlsPacketWriter.TryWriteStart(d, 5, type, version, out n));
        Assert.Equal(Hex(expected), packet);
        var reader = ParseTls(packet);
        Assert.True(reader.IsStart);
        Assert.False(reader.IsAck);
        Assert.Equal(version, reader.Version);
        Assert.True(reader.Data.IsEmpty);
    }

    [Fact]
    public void Writes_an_ack_with_no_data()
    {
        var packet = Write(16, (Span<byte> d, out int n) => EapTlsPacketWriter.TryWriteAck(d, EapCode.Response, 6, EapType.Tls, 0, out n));
        Assert.Equal(Hex("02 06 00 06 0D 00"), packet);
        Assert.True(ParseTls(packet).IsAck);
    }

    [Fact]
    public void Writes_a_first_fragment_with_l_and_m()
    {
        var packet = Write(32, (Span<byte> d, out int n) => EapTlsPacketWriter.TryWrite(d, EapCode.Request, 7, EapType.Ttls, EapTlsFlags.MoreFragments, 0, 1000, [0x16, 0x03, 0x03], out n));
        // Flags 0xC0 (L, M), TLS Message Length 1000, then the data.
        Assert.Equal(Hex("01 07 00 0D 15 C0 000003E8 16 03 03"), packet);
        var reader = ParseTls(packet);
        Assert.True(reader.HasLength);
        Assert.True(reader.MoreFragments);
        Assert.Equal(1000u, reader.DeclaredLength);
        Assert.Equal(Hex("16 03 03"), reader.Data.ToArray());
        Assert.Equal(EapTlsFlags.LengthIncluded | EapTlsFlags.MoreFragments, reader.Flags);
    }

    [Fact]
    public void Reader_keeps_reserved_bits_visible()
    {
        Assert.Equal(EapParseError.None, EapTlsPacketReader.TryParse(Hex("1F AA"), out var reader));
        Assert.Equal(0x1F, reader.RawFlags);
        Assert.Equal(7, reader.Version);
        Assert.False(reader.HasLength);
        Assert.Equal(Hex("AA"), reader.Data.ToArray());
    }

    [Fact]
    public void Rejects_a_cut_message_length_and_empty_type_data()
    {
        Assert.Equal(EapParseError.TypeDataTooShort, EapTlsPacketReader.TryParse([], out _));
        for (var length = 1; length < 5; length++)
        {
            Assert.Equal(EapParseError.TlsMessageLengthTruncated, EapTlsPacketReader.TryParse(Hex("80 00 00 00 01").AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void Rejects_every_truncation_of_a_whole_fragment_packet()
    {
        var packet = Write(32, (Span<byte> d, out int n) => EapTlsPacketWriter.TryWrite(d, EapCode.Response, 7, EapType.Tls, EapTlsFlags.None, 0, 3, [1, 2, 3], out n));
        AssertEveryTruncationRejected(packet, bytes => EapPacketReader.TryParse(bytes, out _) == EapParseError.None);
    }

    [Fact]
    public void Writer_refuses_bad_versions_and_full_buffers()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EapTlsPacketWriter.TryWriteStart(new byte[16], 1, EapType.Peap, 8, out _));
        Assert.False(EapTlsPacketWriter.TryWriteStart(new byte[5], 1, EapType.Peap, 0, out _));
        Assert.False(EapTlsPacketWriter.TryWrite(new byte[70000], EapCode.Request, 1, EapType.Tls, EapTlsFlags.None, 0, 1, new byte[EapPacket.MaxLength - 9], out _));
        Assert.True(EapTlsPacketWriter.TryWrite(new byte[70000], EapCode.Request, 1, EapType.Tls, EapTlsFlags.None, 0, 1, new byte[EapPacket.MaxLength - 10], out var written));
        Assert.Equal(EapPacket.MaxLength, written);
    }

    [Fact]
    public void Only_tls_based_types_use_this_framing()
    {
        Assert.True(EapTlsPacket.IsTlsBased(EapType.Tls));
        Assert.True(EapTlsPacket.IsTlsBased(EapType.Ttls));
        Assert.True(EapTlsPacket.IsTlsBased(EapType.Peap));
        Assert.False(EapTlsPacket.IsTlsBased(EapType.MsChapV2));
    }

    internal static EapTlsPacketReader ParseTls(byte[] packet)
    {
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(packet, out var eap));
        Assert.Equal(EapParseError.None, EapTlsPacketReader.TryParse(eap.TypeData, out var reader));
        return reader;
    }
}
