using Orleans.Radius.Protocol.Eap;
using static Orleans.Radius.Protocol.Tests.Eap.EapBytes;

namespace Orleans.Radius.Protocol.Tests.Eap;

public class EapPacketWriterTests
{
    [Fact]
    public void Writes_success_and_failure_as_four_bytes()
    {
        Assert.Equal(Hex("03 08 00 04"), Write(16, (Span<byte> d, out int n) => EapPacketWriter.TryWriteSuccess(d, 8, out n)));
        Assert.Equal(Hex("04 09 00 04"), Write(16, (Span<byte> d, out int n) => EapPacketWriter.TryWriteFailure(d, 9, out n)));
    }

    [Fact]
    public void Writes_an_identity_request_and_response()
    {
        Assert.Equal(Hex("01 01 00 05 01"), Write(16, (Span<byte> d, out int n) => EapPacketWriter.TryWriteIdentity(d, EapCode.Request, 1, [], out n)));
        var response = Write(16, (Span<byte> d, out int n) => EapPacketWriter.TryWriteIdentity(d, EapCode.Response, 7, "user"u8, out n));
        Assert.Equal(Hex("02 07 00 09 01 75 73 65 72"), response);
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(response, out var reader));
        Assert.Equal("user"u8.ToArray(), reader.TypeData.ToArray());
    }

    [Fact]
    public void Notification_request_needs_a_message_and_the_response_is_empty()
    {
        Assert.False(EapPacketWriter.TryWriteNotificationRequest(new byte[16], 1, [], out _));
        var request = Write(32, (Span<byte> d, out int n) => EapPacketWriter.TryWriteNotificationRequest(d, 2, "hi"u8, out n));
        Assert.Equal(Hex("01 02 00 07 02 68 69"), request);
        var response = Write(32, (Span<byte> d, out int n) => EapPacketWriter.TryWriteNotificationResponse(d, 2, out n));
        Assert.Equal(Hex("02 02 00 05 02"), response);
    }

    [Fact]
    public void Writes_and_reads_a_legacy_nak()
    {
        var nak = Write(16, (Span<byte> d, out int n) => EapNak.TryWrite(d, 4, [EapType.Peap, EapType.Ttls], out n));
        Assert.Equal(Hex("02 04 00 07 03 19 15"), nak);
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(nak, out var reader));
        Assert.Equal(EapType.Nak, reader.Type);
        Assert.Equal(EapParseError.None, EapNak.TryRead(reader.TypeData, out var desired));
        Assert.True(EapNak.TryChoose(desired, [EapType.Tls, EapType.Ttls, EapType.Peap], out var chosen));
        Assert.Equal(EapType.Ttls, chosen);
        Assert.False(EapNak.TryChoose(desired, [EapType.Md5Challenge], out _));
    }

    [Fact]
    public void An_empty_nak_list_means_no_alternative()
    {
        var nak = Write(16, (Span<byte> d, out int n) => EapNak.TryWrite(d, 4, [], out n));
        Assert.Equal(Hex("02 04 00 06 03 00"), nak);
        Assert.Equal(EapParseError.None, EapNak.TryRead(nak.AsSpan(5), out var desired));
        Assert.False(EapNak.TryChoose(desired, [EapType.Tls, EapType.Peap], out _));
        Assert.Equal(EapParseError.InvalidNak, EapNak.TryRead([], out _));
    }

    [Fact]
    public void Writes_and_reads_an_expanded_nak()
    {
        // RFC 3748 §5.3.2: Type 254, Vendor-Id 0, Vendor-Type 3, then 8-byte entries of 254/Vendor-Id/Vendor-Type.
        var nak = Write(64, (Span<byte> d, out int n) => EapNak.TryWriteExpanded(d, 5, [EapExpandedType.FromType(EapType.Peap), new EapExpandedType(0x00372A, 1)], out n));
        Assert.Equal(Hex("02 05 00 1C FE 000000 00000003 FE 000000 00000019 FE 00372A 00000001"), nak);
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(nak, out var reader));
        Assert.Equal(EapExpandedType.Nak, reader.ExpandedType);
        Assert.Equal(EapParseError.None, EapNak.TryReadExpanded(reader.MethodData, out var count));
        Assert.Equal(2, count);
        Assert.Equal(EapExpandedType.FromType(EapType.Peap), EapNak.ReadExpandedEntry(reader.MethodData, 0));
        Assert.Equal(new EapExpandedType(0x00372A, 1), EapNak.ReadExpandedEntry(reader.MethodData, 1));

        var none = Write(64, (Span<byte> d, out int n) => EapNak.TryWriteExpanded(d, 5, [], out n));
        Assert.Equal(Hex("02 05 00 14 FE 000000 00000003 FE 000000 00000000"), none);
    }

    [Theory]
    [InlineData("")]
    [InlineData("FE 000000 000000")]
    [InlineData("FD 000000 00000019")]
    [InlineData("FE 000000 00000019 FE")]
    public void Rejects_malformed_expanded_nak_data(string hex)
    {
        Assert.Equal(EapParseError.InvalidNak, EapNak.TryReadExpanded(Hex(hex), out var count));
        Assert.Equal(0, count);
    }

    [Fact]
    public void Writes_and_reads_an_expanded_type()
    {
        var packet = Write(32, (Span<byte> d, out int n) => EapPacketWriter.TryWriteExpanded(d, EapCode.Request, 3, new EapExpandedType(0x00372A, 1), [0xAA, 0xBB], out n));
        Assert.Equal(Hex("01 03 00 0E FE 00 37 2A 00 00 00 01 AA BB"), packet);
        Assert.Throws<ArgumentOutOfRangeException>(() => EapPacketWriter.TryWriteExpanded(new byte[32], EapCode.Request, 3, new EapExpandedType(0x0100_0000, 1), [], out _));
    }

    [Fact]
    public void Refuses_small_buffers_and_oversized_packets()
    {
        Assert.False(EapPacketWriter.TryWriteSuccess(new byte[3], 1, out var written));
        Assert.Equal(0, written);
        Assert.False(EapPacketWriter.TryWriteIdentity(new byte[8], EapCode.Response, 1, "user"u8, out written));
        Assert.Equal(0, written);
        var big = new byte[EapPacket.MaxLength + 10];
        Assert.False(EapPacketWriter.TryWrite(big, EapCode.Request, 1, EapType.Tls, new byte[EapPacket.MaxLength - 4], out _));
        Assert.False(EapPacketWriter.TryWriteExpanded(big, EapCode.Request, 1, new EapExpandedType(1, 1), new byte[EapPacket.MaxLength - 11], out _));
        Assert.True(EapPacketWriter.TryWriteExpanded(big, EapCode.Request, 1, new EapExpandedType(1, 1), new byte[EapPacket.MaxLength - 12], out written));
        Assert.Equal(EapPacket.MaxLength, written);
    }

    [Fact]
    public void Only_requests_and_responses_carry_a_type()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EapPacketWriter.TryWrite(new byte[16], EapCode.Success, 1, EapType.Identity, [], out _));
    }
}
