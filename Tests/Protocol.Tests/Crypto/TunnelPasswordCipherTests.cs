using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class TunnelPasswordCipherTests
{
    private static readonly byte[] Secret = "xyzzy5461"u8.ToArray();
    private static readonly byte[] Authenticator = Enumerable.Range(0x40, 16).Select(i => (byte)i).ToArray();

    // An independent implementation's output: FreeRADIUS src/tests/unit/protocols/radius/rfc2868.txt encodes
    // these with its test harness's secret "testing123" and Request Authenticator 00 01 … 0f. The values
    // below are the attribute values (tag first); FreeRADIUS pads with random bytes, not zeros.
    [Theory]
    [InlineData("00 99 73 05 1d e6 c5 57 30 7d ac d5 da a5 99 f4 e2 6e 7e", "foo")]
    [InlineData("00 9d c5 c4 69 23 3a 16 57 b3 5c 97 82 3c 97 ec 6b 7e f1", "bar")]
    [InlineData("00 c0 6f 25 5f 09 b7 dc 0e 4a 1a 46 56 05 f4 8f 7c 0b a4", "barbar")]
    public void Reveals_passwords_encoded_by_freeradius(string value, string expected)
    {
        var authenticator = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var password = new byte[64];
        Assert.True(TunnelPasswordCipher.TryReveal(Hex.Parse(value), "testing123"u8, authenticator, out var tag, password, out var written));
        Assert.Equal(0, tag);
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(expected), password[..written]);
    }

    [Fact]
    public void Hides_with_the_tag_first_and_round_trips()
    {
        var value = new byte[TunnelPasswordCipher.GetHiddenLength(8)];
        Assert.True(TunnelPasswordCipher.TryHide("tunnelpw"u8, 0x05, 0xA1B2, Secret, Authenticator, value, out var written));
        Assert.Equal(value.Length, written);
        Assert.Equal(1 + 2 + 16, written);
        Assert.Equal([0x05, 0xA1, 0xB2], value[..3]);

        var password = new byte[32];
        Assert.True(TunnelPasswordCipher.TryReveal(value, Secret, Authenticator, out var tag, password, out var length));
        Assert.Equal(0x05, tag);
        Assert.Equal("tunnelpw"u8.ToArray(), password[..length]);
    }

    [Fact]
    public void Random_salt_round_trips_the_longest_password()
    {
        var password = Enumerable.Range(0, TunnelPasswordCipher.MaxPasswordLength).Select(i => (byte)i).ToArray();
        var value = new byte[253];
        Assert.True(TunnelPasswordCipher.TryHide(password, 0, Secret, Authenticator, value, out var written));
        Assert.True(written <= 253);
        var revealed = new byte[256];
        Assert.True(TunnelPasswordCipher.TryReveal(value.AsSpan(0, written), Secret, Authenticator, out _, revealed, out var length));
        Assert.Equal(password, revealed[..length]);
    }

    [Fact]
    public void Refuses_tags_over_0x1F_and_passwords_that_do_not_fit()
    {
        var value = new byte[253];
        Assert.False(TunnelPasswordCipher.TryHide("pw"u8, 0x20, 0x8000, Secret, Authenticator, value, out _));
        Assert.False(TunnelPasswordCipher.TryHide(new byte[TunnelPasswordCipher.MaxPasswordLength + 1], 1, 0x8000, Secret, Authenticator, value, out _));
        Assert.False(TunnelPasswordCipher.TryHide("pw"u8, 1, 0x8000, Secret, Authenticator, [], out _));
    }

    [Fact]
    public void Reveal_rejects_every_truncation_without_throwing()
    {
        var value = new byte[TunnelPasswordCipher.GetHiddenLength(20)];
        Assert.True(TunnelPasswordCipher.TryHide("twenty-byte-password"u8, 3, 0x8042, Secret, Authenticator, value, out _));
        var password = new byte[64];
        for (var length = 0; length < value.Length; length++)
        {
            Assert.False(TunnelPasswordCipher.TryReveal(value.AsSpan(0, length), Secret, Authenticator, out _, password, out _));
        }
    }
}
