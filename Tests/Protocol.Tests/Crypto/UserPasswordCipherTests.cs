using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class UserPasswordCipherTests
{
    private static readonly byte[] Secret = Rfc2865Examples.Secret;

    [Fact]
    public void Reveals_arctangent_from_the_rfc_2865_telnet_example()
    {
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(Rfc2865Examples.TelnetRequest, out var request));
        Assert.True(request.TryGetAttribute(RadiusAttributeType.UserPassword, out var hidden));

        var password = new byte[UserPasswordCipher.MaxPasswordLength];
        Assert.True(UserPasswordCipher.TryReveal(hidden.Value, Secret, request.Authenticator, password, out var written));
        Assert.Equal("arctangent"u8.ToArray(), password[..written]);
    }

    [Fact]
    public void Hides_arctangent_exactly_as_the_rfc_2865_telnet_example()
    {
        var destination = new byte[16];
        Assert.True(UserPasswordCipher.TryHide("arctangent"u8, Secret, Rfc2865Examples.Authenticator(Rfc2865Examples.TelnetRequest), destination, out var written));
        Assert.Equal(16, written);
        Assert.Equal(Rfc2865Examples.TelnetRequest.AsSpan(0x1C, 16).ToArray(), destination);
    }

    [Fact]
    public void Reveals_both_passwords_of_the_rfc_2865_challenge_response_example()
    {
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(Rfc2865Examples.CardRequest, out var request));
        Assert.True(request.TryGetAttribute(RadiusAttributeType.UserPassword, out var hidden));
        var password = new byte[UserPasswordCipher.MaxPasswordLength];
        Assert.True(UserPasswordCipher.TryReveal(hidden.Value, Secret, request.Authenticator, password, out var written));
        Assert.Equal("challenge"u8.ToArray(), password[..written]);

        Assert.True(UserPasswordCipher.TryReveal(Rfc2865Examples.CardResponseHiddenPassword, Secret, Rfc2865Examples.CardResponseAuthenticator, password, out written));
        Assert.Equal("99101462"u8.ToArray(), password[..written]);
    }

    [Fact]
    public void Round_trips_every_length_from_0_to_128()
    {
        var authenticator = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray();
        var hidden = new byte[UserPasswordCipher.MaxPasswordLength];
        var revealed = new byte[UserPasswordCipher.MaxPasswordLength];
        for (var length = 0; length <= UserPasswordCipher.MaxPasswordLength; length++)
        {
            var password = Enumerable.Range(1, length).Select(i => (byte)(i * 7)).ToArray();
            Assert.True(UserPasswordCipher.TryHide(password, Secret, authenticator, hidden, out var hiddenLength));
            Assert.Equal(UserPasswordCipher.GetHiddenLength(length), hiddenLength);
            Assert.Equal(0, hiddenLength % 16);
            Assert.InRange(hiddenLength, 16, 128);
            Assert.True(UserPasswordCipher.TryReveal(hidden.AsSpan(0, hiddenLength), Secret, authenticator, revealed, out var written));
            Assert.Equal(password, revealed[..written]);
        }
    }

    [Fact]
    public void Refuses_to_hide_more_than_128_bytes_or_into_a_short_buffer()
    {
        var authenticator = new byte[16];
        Assert.False(UserPasswordCipher.TryHide(new byte[129], Secret, authenticator, new byte[144], out _));
        Assert.False(UserPasswordCipher.TryHide(new byte[17], Secret, authenticator, new byte[31], out _));
        Assert.False(UserPasswordCipher.TryHide("a"u8, [], authenticator, new byte[16], out _));
        Assert.False(UserPasswordCipher.TryHide("a"u8, Secret, new byte[15], new byte[16], out _));
    }

    [Fact]
    public void Reveal_rejects_every_malformed_length_without_throwing()
    {
        var authenticator = Rfc2865Examples.Authenticator(Rfc2865Examples.TelnetRequest).ToArray();
        var destination = new byte[256];
        for (var length = 0; length <= 200; length++)
        {
            var valid = length is >= 16 and <= 128 && length % 16 == 0;
            Assert.Equal(valid, UserPasswordCipher.TryReveal(new byte[length], Secret, authenticator, destination, out _));
        }
    }

    [Fact]
    public void Reveal_refuses_unusable_secrets_authenticators_and_short_destinations()
    {
        var hidden = Rfc2865Examples.TelnetRequest.AsSpan(0x1C, 16).ToArray();
        var authenticator = Rfc2865Examples.Authenticator(Rfc2865Examples.TelnetRequest).ToArray();
        Assert.False(UserPasswordCipher.TryReveal(hidden, [], authenticator, new byte[16], out _));
        Assert.False(UserPasswordCipher.TryReveal(hidden, new byte[RadiusSigner.MaxSecretLength + 1], authenticator, new byte[16], out _));
        Assert.False(UserPasswordCipher.TryReveal(hidden, Secret, authenticator.AsSpan(0, 15), new byte[16], out _));
        Assert.False(UserPasswordCipher.TryReveal(hidden, Secret, authenticator, new byte[9], out var written));
        Assert.Equal(0, written);
        Assert.True(UserPasswordCipher.TryReveal(hidden, Secret, authenticator, new byte[10], out written));
        Assert.Equal(10, written);
    }
}
