using System.Text;
using Orleans.Radius.Protocol.Eap;
using static Orleans.Radius.Protocol.Tests.Eap.EapBytes;

namespace Orleans.Radius.Protocol.Tests.Eap;

public class EapMsChapV2Tests
{
    // RFC 2759 §9.2 values: the framing must carry them byte for byte.
    private static readonly byte[] AuthenticatorChallenge = Hex("5B5D7C7D7B3F2F3E3C2C602132262628");
    private static readonly byte[] PeerChallenge = Hex("21402324255E262A28295F2B3A337C7E");
    private static readonly byte[] NtResponse = Hex("82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF");
    private static readonly byte[] AuthenticatorResponse = Hex("407A5589115FD0D6209F510FE9C04566932CDA56");

    [Fact]
    public void Writes_a_challenge_laid_out_as_in_the_draft()
    {
        var packet = Write(64, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteChallenge(d, 10, 10, AuthenticatorChallenge, "srv"u8, out n));
        // EAP Length 29; MS-Length = 29 - 5 = 24; Value-Size 16.
        Assert.Equal(Hex("01 0A 00 1D 1A 01 0A 00 18 10 5B5D7C7D7B3F2F3E3C2C602132262628 73 72 76"), packet);

        var reader = ParseMsChapV2(packet);
        Assert.Equal(EapMsChapV2OpCode.Challenge, reader.OpCode);
        Assert.Equal(10, reader.MsChapV2Id);
        Assert.Equal(24, reader.MsLength);
        Assert.Equal(AuthenticatorChallenge, reader.Challenge.ToArray());
        Assert.Equal("srv"u8.ToArray(), reader.Name.ToArray());
        Assert.False(reader.IsShortForm);
    }

    [Fact]
    public void Writes_a_response_carrying_the_rfc_2759_values()
    {
        var packet = Write(128, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteResponse(d, 10, 10, PeerChallenge, NtResponse, 0, "User"u8, out n));
        Assert.Equal(
            Hex("02 0A 00 3F 1A 02 0A 00 3A 31 21402324255E262A28295F2B3A337C7E 0000000000000000 82309ECD8D708B5EA08FAA3981CD83544233114A3D85D6DF 00 55 73 65 72"),
            packet);

        var reader = ParseMsChapV2(packet);
        Assert.Equal(EapMsChapV2OpCode.Response, reader.OpCode);
        Assert.Equal(PeerChallenge, reader.PeerChallenge.ToArray());
        Assert.Equal(NtResponse, reader.NtResponse.ToArray());
        Assert.Equal(0, reader.Flags);
        Assert.Equal("User"u8.ToArray(), reader.Name.ToArray());
        Assert.True(reader.Challenge.IsEmpty);
    }

    [Fact]
    public void Writes_the_success_request_with_the_rfc_2759_authenticator_response()
    {
        var packet = Write(128, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteSuccessRequest(d, 11, 10, AuthenticatorResponse, "OK"u8, out n));
        var message = "S=407A5589115FD0D6209F510FE9C04566932CDA56 M=OK"u8.ToArray();
        Assert.Equal([.. Hex("01 0B 00 38 1A 03 0A 00 33"), .. message], packet);

        var reader = ParseMsChapV2(packet);
        Assert.Equal(EapMsChapV2OpCode.Success, reader.OpCode);
        Assert.Equal(message, reader.Message.ToArray());
        var decoded = new byte[20];
        Assert.True(EapMsChapV2SuccessMessage.TryParse(reader.Message, decoded, out var text));
        Assert.Equal(AuthenticatorResponse, decoded);
        Assert.Equal("OK"u8.ToArray(), text.ToArray());
        Assert.True(EapMsChapV2SuccessMessage.Verify(reader.Message, AuthenticatorResponse));
        var wrong = (byte[])AuthenticatorResponse.Clone();
        wrong[19] ^= 1;
        Assert.False(EapMsChapV2SuccessMessage.Verify(reader.Message, wrong));
    }

    [Theory]
    [InlineData("S=407A5589115FD0D6209F510FE9C04566932CDA56", true)]
    [InlineData("S=407a5589115fd0d6209f510fe9c04566932cda56 M=", true)]
    [InlineData("S=407A5589115FD0D6209F510FE9C04566932CDA5", false)]
    [InlineData("S=407A5589115FD0D6209F510FE9C04566932CDA5G", false)]
    [InlineData("s=407A5589115FD0D6209F510FE9C04566932CDA56", false)]
    [InlineData("S=407A5589115FD0D6209F510FE9C04566932CDA56M=x", false)]
    [InlineData("", false)]
    public void Parses_only_well_formed_success_messages(string text, bool valid)
    {
        Assert.Equal(valid, EapMsChapV2SuccessMessage.TryParse(Encoding.ASCII.GetBytes(text), new byte[20], out _));
    }

    [Fact]
    public void Writes_the_failure_request_text_of_rfc_2759()
    {
        var packet = Write(256, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteFailureRequest(
            d, 12, 10, EapMsChapV2.ErrorAuthenticationFailure, retry: false, AuthenticatorChallenge, 3, "Authentication failed"u8, out n));
        var reader = ParseMsChapV2(packet);
        Assert.Equal(EapMsChapV2OpCode.Failure, reader.OpCode);
        Assert.Equal("E=691 R=0 C=5B5D7C7D7B3F2F3E3C2C602132262628 V=3 M=Authentication failed", Encoding.ASCII.GetString(reader.Message));

        Assert.True(EapMsChapV2FailureMessage.TryParse(reader.Message, out var failure));
        Assert.Equal(691, failure.ErrorCode);
        Assert.False(failure.Retry);
        Assert.Equal(3, failure.Version);
        Assert.Equal("Authentication failed"u8.ToArray(), failure.Message.ToArray());
        var challenge = new byte[16];
        Assert.True(failure.TryGetChallenge(challenge));
        Assert.Equal(AuthenticatorChallenge, challenge);
    }

    [Fact]
    public void Failure_without_a_challenge_leaves_out_c()
    {
        var packet = Write(256, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteFailureRequest(d, 12, 10, 647, retry: true, [], 3, ""u8, out n));
        var reader = ParseMsChapV2(packet);
        Assert.Equal("E=647 R=1 V=3 M=", Encoding.ASCII.GetString(reader.Message));
        Assert.True(EapMsChapV2FailureMessage.TryParse(reader.Message, out var failure));
        Assert.True(failure.Retry);
        Assert.False(failure.TryGetChallenge(new byte[16]));
    }

    [Theory]
    [InlineData("E=691", true)]
    [InlineData("E=691 R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=a b c", true)]
    [InlineData("R=0 V=3", false)]
    [InlineData("E=", false)]
    [InlineData("E=-1", false)]
    [InlineData("E=691 R=2", false)]
    [InlineData("E=691 C=0011", false)]
    [InlineData("E=691 X=1", false)]
    [InlineData("E=691  R=0", false)]
    [InlineData("E691", false)]
    [InlineData(" =1", false)]
    [InlineData("E=691  =0", false)]
    public void Parses_only_well_formed_failure_messages(string text, bool valid)
    {
        Assert.Equal(valid, EapMsChapV2FailureMessage.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void Peer_acknowledgements_are_the_opcode_alone()
    {
        var success = Write(16, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteSuccessResponse(d, 11, out n));
        Assert.Equal(Hex("02 0B 00 06 1A 03"), success);
        var reader = ParseMsChapV2(success);
        Assert.Equal(EapMsChapV2OpCode.Success, reader.OpCode);
        Assert.True(reader.IsShortForm);
        Assert.Equal(0, reader.MsLength);
        Assert.True(reader.Message.IsEmpty);

        var failure = Write(16, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteFailureResponse(d, 12, out n));
        Assert.Equal(Hex("02 0C 00 06 1A 04"), failure);
        Assert.Equal(EapMsChapV2OpCode.Failure, ParseMsChapV2(failure).OpCode);
    }

    [Fact]
    public void Round_trips_a_change_password()
    {
        var encryptedPassword = Enumerable.Range(0, 516).Select(i => (byte)i).ToArray();
        var encryptedHash = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray();
        var packet = Write(1024, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteChangePassword(d, 13, 10, encryptedPassword, encryptedHash, PeerChallenge, NtResponse, 0, out n));
        Assert.Equal(5 + 4 + 582, packet.Length);
        var reader = ParseMsChapV2(packet);
        Assert.Equal(EapMsChapV2OpCode.ChangePassword, reader.OpCode);
        Assert.Equal(encryptedPassword, reader.EncryptedPassword.ToArray());
        Assert.Equal(encryptedHash, reader.EncryptedHash.ToArray());
        Assert.Equal(PeerChallenge, reader.PeerChallenge.ToArray());
        Assert.Equal(NtResponse, reader.NtResponse.ToArray());
        Assert.Equal(new byte[8], packet.AsSpan(5 + 4 + 516 + 16 + 16, 8).ToArray());
    }

    [Fact]
    public void Rejects_every_truncation_of_every_kind()
    {
        var packets = new[]
        {
            Write(64, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteChallenge(d, 1, 1, AuthenticatorChallenge, [], out n)),
            Write(128, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteResponse(d, 1, 1, PeerChallenge, NtResponse, 0, [], out n)),
            Write(128, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteSuccessRequest(d, 1, 1, AuthenticatorResponse, [], out n)),
            Write(128, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteFailureRequest(d, 1, 1, 691, false, [], 3, [], out n)),
            Write(1024, (Span<byte> d, out int n) => EapMsChapV2Writer.TryWriteChangePassword(d, 1, 1, new byte[516], new byte[16], PeerChallenge, NtResponse, 0, out n)),
        };
        foreach (var packet in packets)
        {
            var code = (EapCode)packet[0];
            var typeData = packet[5..];

            // Cut at the EAP level (Length no longer matches) and at the method level (MS-Length no longer matches).
            AssertEveryTruncationRejected(packet, bytes => EapPacketReader.TryParse(bytes, out _) == EapParseError.None);
            AssertEveryTruncationRejected(typeData, bytes => EapMsChapV2Reader.TryParse(code, bytes, out _) == EapParseError.None);

            // Cut consistently (both lengths rewritten): the fixed fields must still be checked.
            for (var length = 0; length < typeData.Length; length++)
            {
                var cut = typeData[..length];
                if (cut.Length >= 4)
                {
                    cut[2] = (byte)(length >> 8);
                    cut[3] = (byte)length;
                }

                var error = EapMsChapV2Reader.TryParse(code, cut, out _);
                Assert.True(error != EapParseError.None || (packet[5] is 3 or 4 && length >= 4), $"consistent cut to {length} accepted");
            }
        }
    }

    [Theory]
    [InlineData(EapCode.Request, "02 01 00 04", EapParseError.UnexpectedOpCode)]
    [InlineData(EapCode.Request, "07 01 00 04", EapParseError.UnexpectedOpCode)]
    [InlineData(EapCode.Response, "01 01 00 04", EapParseError.UnexpectedOpCode)]
    [InlineData(EapCode.Response, "09", EapParseError.UnexpectedOpCode)]
    [InlineData(EapCode.Request, "", EapParseError.TypeDataTooShort)]
    [InlineData(EapCode.Request, "03 01 00 06 41", EapParseError.MsLengthMismatch)]
    [InlineData(EapCode.Request, "03 01 00 04 41", EapParseError.MsLengthMismatch)]
    [InlineData(EapCode.Request, "01 01 00 06 0F 00", EapParseError.InvalidValueSize)]
    [InlineData(EapCode.Response, "02 01 00 06 10 00", EapParseError.InvalidValueSize)]
    [InlineData(EapCode.Request, "03 01 00", EapParseError.TypeDataTooShort)]
    public void Rejects_malformed_method_data(EapCode code, string hex, EapParseError expected)
    {
        Assert.Equal(expected, EapMsChapV2Reader.TryParse(code, Hex(hex), out _));
    }

    [Fact]
    public void Writers_check_the_sizes_of_computed_values()
    {
        Assert.Throws<ArgumentException>(() => EapMsChapV2Writer.TryWriteChallenge(new byte[64], 1, 1, new byte[15], [], out _));
        Assert.Throws<ArgumentException>(() => EapMsChapV2Writer.TryWriteResponse(new byte[128], 1, 1, PeerChallenge, new byte[23], 0, [], out _));
        Assert.Throws<ArgumentException>(() => EapMsChapV2Writer.TryWriteSuccessRequest(new byte[128], 1, 1, new byte[16], [], out _));
        Assert.False(EapMsChapV2Writer.TryWriteChallenge(new byte[20], 1, 1, AuthenticatorChallenge, [], out _));
    }

    private static EapMsChapV2Reader ParseMsChapV2(byte[] packet)
    {
        Assert.Equal(EapParseError.None, EapPacketReader.TryParse(packet, out var eap));
        Assert.Equal(EapType.MsChapV2, eap.Type);
        Assert.Equal(EapParseError.None, EapMsChapV2Reader.TryParse(eap.Code, eap.TypeData, out var reader));
        return reader;
    }
}
