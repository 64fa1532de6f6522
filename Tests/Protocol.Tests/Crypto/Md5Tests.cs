using System.Security.Cryptography;
using CsCheck;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class Md5Tests
{
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void Matches_the_rfc_1321_test_suite(string input, string expected)
    {
        var digest = new byte[16];
        Md5.HashData(System.Text.Encoding.ASCII.GetBytes(input), digest);
        Assert.Equal(expected, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Hmac_matches_rfc_2202_test_case_2()
    {
        var mac = new byte[16];
        Md5.Hmac("Jefe"u8, "what do ya want for nothing?"u8, mac);
        Assert.Equal("750c783e6ab0b503eaa86e310a5db738", Convert.ToHexStringLower(mac));
    }

    [Fact]
    public void Parts_and_gaps_agree_with_the_platform_digest()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Byte.Array[0, 100], Gen.Int[0, 300]).Sample(
            (data, key, gapSeed) =>
            {
                var expected = new byte[16];
                var actual = new byte[16];
                MD5.HashData([.. data, .. key], expected);
                Md5.HashData(data, key, actual);
                Assert.Equal(expected, actual);

                var gapLength = Math.Min(16, data.Length);
                var gapOffset = data.Length == gapLength ? 0 : gapSeed % (data.Length - gapLength + 1);
                var blanked = (byte[])data.Clone();
                blanked.AsSpan(gapOffset, gapLength).Clear();
                HMACMD5.HashData(key, blanked, expected);
                Md5.HmacWithGap(key, data, gapOffset, gapLength, actual);
                Assert.Equal(expected, actual);
            },
            iter: 2_000);
    }
}
