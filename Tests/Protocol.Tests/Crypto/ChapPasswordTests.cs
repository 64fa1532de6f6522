using System.Security.Cryptography;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class ChapPasswordTests
{
    [Fact]
    public void The_rfc_2865_chap_example_uses_the_request_authenticator_as_challenge()
    {
        // RFC 2865 §7.2 does not publish flopsy's password, so only the framing can be checked against it.
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(Rfc2865Examples.ChapRequest, out var request));
        Assert.True(request.TryGetAttribute(RadiusAttributeType.ChapPassword, out var chapPassword));
        Assert.Equal(ChapPassword.ValueLength, chapPassword.Value.Length);
        Assert.Equal(22, chapPassword.Value[0]);
        Assert.Equal(request.Authenticator.ToArray(), ChapPassword.GetChallenge(request).ToArray());
        Assert.False(ChapPassword.Verify(chapPassword.Value, "not-the-password"u8, ChapPassword.GetChallenge(request)));
    }

    [Fact]
    public void Prefers_the_chap_challenge_attribute_when_present()
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessRequest, 1, new byte[16]);
        Assert.True(writer.TryWriteAttribute(RadiusAttributeType.ChapChallenge, "0123456789abcdef0"u8));
        var packet = writer.Complete().ToArray();
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var request));
        Assert.Equal("0123456789abcdef0"u8.ToArray(), ChapPassword.GetChallenge(request).ToArray());
    }

    [Fact]
    public void Response_is_md5_of_identifier_password_and_challenge_as_rfc_1994_defines()
    {
        var challenge = Hex.Parse("2a ee 86 f0 8d 0d 55 96 9c a5 97 8e 0d 33 67 a2");
        var response = new byte[16];
        ChapPassword.ComputeResponse(22, "password"u8, challenge, response);
        Assert.Equal(MD5.HashData([22, .. "password"u8, .. challenge]), response);
    }

    [Fact]
    public void Verifies_the_right_password_and_rejects_wrong_password_identifier_or_challenge()
    {
        var challenge = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var value = new byte[ChapPassword.ValueLength];
        value[0] = 9;
        ChapPassword.ComputeResponse(9, "s3cret"u8, challenge, value.AsSpan(1));

        Assert.True(ChapPassword.Verify(value, "s3cret"u8, challenge));
        Assert.False(ChapPassword.Verify(value, "s3creT"u8, challenge));
        Assert.False(ChapPassword.Verify(value, "s3cret"u8, challenge.AsSpan(1)));
        var otherId = (byte[])value.Clone();
        otherId[0] = 10;
        Assert.False(ChapPassword.Verify(otherId, "s3cret"u8, challenge));
        Assert.False(ChapPassword.Verify(value, "s3cret"u8, []));
    }

    [Fact]
    public void Verifies_passwords_longer_than_the_stack_buffer()
    {
        var password = Enumerable.Range(0, 2000).Select(i => (byte)i).ToArray();
        var challenge = new byte[16];
        var value = new byte[ChapPassword.ValueLength];
        ChapPassword.ComputeResponse(0, password, challenge, value.AsSpan(1));
        Assert.True(ChapPassword.Verify(value, password, challenge));
    }

    [Fact]
    public void Verify_rejects_every_truncation_without_throwing()
    {
        var challenge = new byte[16];
        var value = new byte[ChapPassword.ValueLength + 1];
        ChapPassword.ComputeResponse(0, "pw"u8, challenge, value.AsSpan(1));
        for (var length = 0; length <= value.Length; length++)
        {
            Assert.Equal(length == ChapPassword.ValueLength, ChapPassword.Verify(value.AsSpan(0, length), "pw"u8, challenge));
        }
    }
}
