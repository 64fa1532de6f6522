using Orleans.Radius.Protocol.Eap;
using static Orleans.Radius.Protocol.Tests.Eap.EapBytes;

namespace Orleans.Radius.Protocol.Tests.Eap;

public class EapPacketReaderTests
{
    // RFC 3748 §4.1/§5.1: Code 2 (Response), Identifier 7, Length 9, Type 1 (Identity), "user".
    private static readonly byte[] IdentityResponse = Hex("02 07 00 09 01 75 73 65 72");

    // RFC 3748 §4.2: Code 3 (Success), Identifier 8, Length 4.
    private static readonly byte[] Success = Hex("03 08 00 04");

    // RFC 3748 §5.7: Type 254, Vendor-Id 0x00372A (WFA), Vendor-Type 1 (WSC), then method data.
    private static readonly byte[] ExpandedRequest = Hex("01 03 00 0E FE 00 37 2A 00 00 00 01 AA BB");

    [Fact]
    public void Parses_an_identity_response()
    {
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(IdentityResponse, out var reader));
        Assert.Equal(EapCode.Response, reader.Code);
        Assert.Equal(7, reader.Identifier);
        Assert.Equal(9, reader.Length);
        Assert.True(reader.HasType);
        Assert.Equal(EapType.Identity, reader.Type);
        Assert.Equal("user"u8.ToArray(), reader.TypeData.ToArray());
        Assert.False(reader.IsExpanded);
        Assert.Equal(EapExpandedType.FromType(EapType.Identity), reader.ExpandedType);
        Assert.Equal(reader.TypeData.ToArray(), reader.MethodData.ToArray());
    }

    [Fact]
    public void Parses_a_four_byte_success_and_failure()
    {
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(Success, out var success));
        Assert.Equal(EapCode.Success, success.Code);
        Assert.Equal(8, success.Identifier);
        Assert.False(success.HasType);
        Assert.True(success.TypeData.IsEmpty);

        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(Hex("04 09 00 04"), out var failure));
        Assert.Equal(EapCode.Failure, failure.Code);
    }

    [Fact]
    public void Parses_an_expanded_type()
    {
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(ExpandedRequest, out var reader));
        Assert.True(reader.IsExpanded);
        Assert.Equal(new EapExpandedType(0x00372A, 1), reader.ExpandedType);
        Assert.Equal(Hex("AA BB"), reader.MethodData.ToArray());
        Assert.Equal(Hex("00 37 2A 00 00 00 01 AA BB"), reader.TypeData.ToArray());
    }

    [Fact]
    public void Rejects_every_truncation_of_valid_packets()
    {
        foreach (var packet in new[] { IdentityResponse, Success, ExpandedRequest, Hex("01 01 00 05 01") })
        {
            AssertEveryTruncationRejected(packet, bytes => EapPacketReader.TryParse(bytes, out _) == EapParseError.None);
        }
    }

    [Theory]
    [InlineData("02 07 00", EapParseError.TooShort)]
    [InlineData("02 07 00 03 01", EapParseError.LengthFieldTooSmall)]
    [InlineData("02 07 00 09 01 75 73 65 72 00", EapParseError.LengthMismatch)]
    [InlineData("02 07 00 0A 01 75 73 65 72", EapParseError.LengthMismatch)]
    [InlineData("02 07 00 04", EapParseError.MissingType)]
    [InlineData("01 07 00 04", EapParseError.MissingType)]
    [InlineData("03 07 00 05 00", EapParseError.SuccessFailureNotEmpty)]
    [InlineData("04 07 00 05 00", EapParseError.SuccessFailureNotEmpty)]
    [InlineData("00 07 00 04", EapParseError.UnknownCode)]
    [InlineData("07 07 00 04", EapParseError.UnknownCode)]
    [InlineData("05 07 00 05 01", EapParseError.UnsupportedCode)]
    [InlineData("06 07 00 05 01", EapParseError.UnsupportedCode)]
    [InlineData("01 07 00 0B FE 00 00 00 00 00 00", EapParseError.ExpandedTypeTruncated)]
    public void Rejects_malformed_headers(string hex, EapParseError expected)
    {
        Assert.Equal(expected, EapPacketReader.TryParse(Hex(hex), out _));
    }

    [Fact]
    public void Trailing_padding_is_refused_rather_than_ignored()
    {
        // RFC 3748 §4.1 would ignore it on a link layer; inside RADIUS it can only be an error.
        var padded = Success.Concat(new byte[] { 0 }).ToArray();
        Assert.Equal(EapParseError.LengthMismatch, EapPacketReader.TryParse(padded, out _));
    }

    [Fact]
    public void A_default_reader_exposes_nothing_and_does_not_throw()
    {
        var reader = default(EapPacketReader);
        Assert.False(reader.HasType);
        Assert.True(reader.TypeData.IsEmpty);
        Assert.True(reader.MethodData.IsEmpty);
        Assert.False(reader.IsExpanded);
    }

    [Fact]
    public void Accepts_the_largest_packet()
    {
        var buffer = new byte[EapPacket.MaxLength];
        Assert.True(EapPacketWriter.TryWrite(buffer, EapCode.Request, 1, EapType.Tls, new byte[EapPacket.MaxLength - EapPacket.TypeHeaderLength], out var written));
        Assert.Equal(EapPacket.MaxLength, written);
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(buffer, out var reader));
        Assert.Equal(EapPacket.MaxLength - 5, reader.TypeData.Length);
    }
}
