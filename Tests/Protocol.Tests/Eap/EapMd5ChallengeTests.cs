using System.Security.Cryptography;
using Orleans.Radius.Protocol.Eap;
using static Orleans.Radius.Protocol.Tests.Eap.EapBytes;

namespace Orleans.Radius.Protocol.Tests.Eap;

public class EapMd5ChallengeTests
{
    private static readonly byte[] Challenge = Hex("000102030405060708090A0B0C0D0E0F");

    // MD5(0x42 ‖ "secret" ‖ 00..0F), computed outside .NET with `printf '\x42secret\x00…\x0f' | md5sum`.
    private static readonly byte[] ExpectedResponse = Hex("31984ca702a9b5c2aacce591012c4352");

    [Fact]
    public void Writes_a_request_laid_out_as_in_rfc_3748()
    {
        var packet = Write(64, (Span<byte> d, out int n) => EapMd5Challenge.TryWrite(d, EapCode.Request, 0x42, Challenge, "srv"u8, out n));
        // Code 1, Id 0x42, Length 4+1+1+16+3 = 25, Type 4, Value-Size 16, Value, Name.
        Assert.Equal(Hex("01 42 00 19 04 10 000102030405060708090A0B0C0D0E0F 73 72 76"), packet);
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(packet, out var reader));
        Assert.Equal(EapParseError.None, EapMd5Challenge.TryRead(reader.TypeData, out var value, out var name));
        Assert.Equal(Challenge, value.ToArray());
        Assert.Equal("srv"u8.ToArray(), name.ToArray());
    }

    [Fact]
    public void Computes_the_rfc_1994_response()
    {
        var response = new byte[16];
        EapMd5Challenge.ComputeResponse(0x42, "secret"u8, Challenge, response);
        Assert.Equal(ExpectedResponse, response);

        // The same arithmetic spelled out: MD5 over Identifier ‖ secret ‖ challenge.
        Assert.Equal(MD5.HashData([0x42, .. "secret"u8.ToArray(), .. Challenge]), response);
    }

    [Fact]
    public void Verifies_a_response_packet_end_to_end()
    {
        var response = new byte[16];
        EapMd5Challenge.ComputeResponse(0x42, "secret"u8, Challenge, response);
        var packet = Write(64, (Span<byte> d, out int n) => EapMd5Challenge.TryWrite(d, EapCode.Response, 0x42, response, "bob"u8, out n));
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(packet, out var reader));
        Assert.Equal(EapParseError.None, EapMd5Challenge.TryRead(reader.TypeData, out var value, out var name));
        Assert.Equal("bob"u8.ToArray(), name.ToArray());
        Assert.True(EapMd5Challenge.VerifyResponse(reader.Identifier, "secret"u8, Challenge, value));
        Assert.False(EapMd5Challenge.VerifyResponse(0x43, "secret"u8, Challenge, value));
        Assert.False(EapMd5Challenge.VerifyResponse(0x42, "Secret"u8, Challenge, value));
        Assert.False(EapMd5Challenge.VerifyResponse(0x42, "secret"u8, Challenge, value[..15]));
    }

    [Fact]
    public void Long_secrets_hash_like_short_ones()
    {
        var secret = Enumerable.Range(0, 2000).Select(i => (byte)i).ToArray();
        var response = new byte[16];
        EapMd5Challenge.ComputeResponse(9, secret, Challenge, response);
        Assert.Equal(MD5.HashData([9, .. secret, .. Challenge]), response);
    }

    [Theory]
    [InlineData("", EapParseError.TypeDataTooShort)]
    [InlineData("00", EapParseError.InvalidValueSize)]
    [InlineData("00 41", EapParseError.InvalidValueSize)]
    [InlineData("02 41", EapParseError.TypeDataTooShort)]
    [InlineData("10 00010203", EapParseError.TypeDataTooShort)]
    public void Rejects_value_sizes_that_do_not_fit(string hex, EapParseError expected)
    {
        Assert.Equal(expected, EapMd5Challenge.TryRead(Hex(hex), out _, out _));
    }

    [Fact]
    public void Rejects_every_truncation_of_the_value()
    {
        var typeData = Hex("10 000102030405060708090A0B0C0D0E0F");
        AssertEveryTruncationRejected(typeData, bytes => EapMd5Challenge.TryRead(bytes, out _, out _) == EapParseError.None);
    }

    [Fact]
    public void Writer_refuses_empty_and_oversized_values()
    {
        Assert.False(EapMd5Challenge.TryWrite(new byte[600], EapCode.Request, 1, [], [], out _));
        Assert.False(EapMd5Challenge.TryWrite(new byte[600], EapCode.Request, 1, new byte[256], [], out _));
        Assert.True(EapMd5Challenge.TryWrite(new byte[600], EapCode.Request, 1, new byte[255], [], out var written));
        Assert.Equal(4 + 1 + 1 + 255, written);
    }
}
