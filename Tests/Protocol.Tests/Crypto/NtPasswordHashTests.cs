using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class NtPasswordHashTests
{
    [Theory]
    [InlineData("clientPass", "44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE")] // RFC 2759 §9.2
    [InlineData("MyPw", "FC 15 6A F7 ED CD 6C 0E DD E3 33 7D 42 7F 4E AC")] // RFC 2433 B.2, RFC 2759 §9.3
    public void Hashes_the_rfc_passwords(string password, string expected)
    {
        var hash = new byte[NtPasswordHash.Length];
        NtPasswordHash.Compute(password, hash);
        Assert.Equal(Hex.Parse(expected), hash);
    }

    [Fact]
    public void Hashes_the_rfc_2759_password_hash_hash()
    {
        var hashHash = new byte[NtPasswordHash.Length];
        NtPasswordHash.ComputeHashHash(Hex.Parse("44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE"), hashHash);
        Assert.Equal(Hex.Parse("41 C0 0C 58 4B D2 D9 1C 40 17 A2 A1 2F A5 9F 3F"), hashHash);
    }

    [Fact]
    public void Hashes_long_passwords_across_chunks_like_one_buffer()
    {
        // 300 characters cross the 128-character chunk boundary twice; compare with one-shot MD4 of the UTF-16LE bytes.
        var password = string.Concat(Enumerable.Range(0, 300).Select(i => (char)('a' + (i % 26))));
        var expected = new byte[16];
        Md4.HashData(System.Text.Encoding.Unicode.GetBytes(password), expected);
        var hash = new byte[16];
        NtPasswordHash.Compute(password, hash);
        Assert.Equal(expected, hash);
    }

    [Theory]
    [InlineData("44EBBA8D5312B8D611474411F56989AE")]
    [InlineData("44ebba8d5312b8d611474411f56989ae")]
    public void Parses_32_hex_digits_in_either_case(string hex)
    {
        var hash = new byte[16];
        Assert.True(NtPasswordHash.TryParseHex(hex, hash));
        Assert.Equal(Hex.Parse("44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE"), hash);
    }

    [Theory]
    [InlineData("")]
    [InlineData("44EBBA8D5312B8D611474411F56989A")]
    [InlineData("44EBBA8D5312B8D611474411F56989AE0")]
    [InlineData("44EBBA8D5312B8D611474411F56989AG")]
    [InlineData("0x44EBBA8D5312B8D611474411F56989")]
    [InlineData(" 44EBBA8D5312B8D611474411F56989A")]
    public void Rejects_anything_but_32_hex_digits(string hex) =>
        Assert.False(NtPasswordHash.TryParseHex(hex, new byte[16]));

    [Fact]
    public void Rejects_a_short_destination() =>
        Assert.False(NtPasswordHash.TryParseHex("44EBBA8D5312B8D611474411F56989AE", new byte[15]));
}
