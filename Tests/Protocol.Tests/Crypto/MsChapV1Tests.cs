using System.Security.Cryptography;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

public class MsChapV1Tests
{
    // RFC 2433 Appendix B.2, password "MyPw".
    private static readonly byte[] Challenge = Hex.Parse("10 2D B5 DF 08 5D 30 41");
    private static readonly byte[] NtHash = Hex.Parse("FC 15 6A F7 ED CD 6C 0E DD E3 33 7D 42 7F 4E AC");
    private static readonly byte[] NtResponse = Hex.Parse("4E 9D 3C 8F 9C FD 38 5D 5B F4 D3 24 67 91 95 6C A4 C3 51 AB 40 9A 3D 61");

    [Fact]
    public void Computes_the_rfc_2433_nt_challenge_response()
    {
        var response = new byte[MsChapV1.ResponseLength];
        MsChapV1.NtChallengeResponse(Challenge, NtHash, response);
        Assert.Equal(NtResponse, response);
    }

    [Theory]
    [InlineData("FC 15 6A F7 ED CD 6C", "FD 0B 5B 5E 7F 6E 34 D9")] // RFC 2759 §9.3, RFC 2433 B.3
    [InlineData("0E DD E3 33 7D 42 7F", "0E 6E 79 67 37 EA 08 FE")]
    [InlineData("00 00 00 00 00 00 00", "01 01 01 01 01 01 01 01")]
    public void Expands_des_keys_with_odd_parity_as_rfc_2759_shows(string key7, string key8)
    {
        var expanded = new byte[8];
        MsChapDes.ExpandKey(Hex.Parse(key7), expanded);
        Assert.Equal(Hex.Parse(key8), expanded);
    }

    [Fact]
    public void Des_block_matches_the_platform_des_for_ordinary_keys()
    {
        var random = new Random(2433);
        using var des = DES.Create();
        for (var i = 0; i < 50; i++)
        {
            var key7 = new byte[7];
            var block = new byte[8];
            random.NextBytes(key7);
            random.NextBytes(block);
            var key8 = new byte[8];
            MsChapDes.ExpandKey(key7, key8);
            if (DES.IsWeakKey(key8) || DES.IsSemiWeakKey(key8))
            {
                continue;
            }

            des.Key = key8;
            var expected = des.EncryptEcb(block, PaddingMode.None);
            var actual = new byte[8];
            MsChapDes.Encrypt(block, key7, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Works_for_an_nt_hash_ending_in_two_zero_bytes_whose_third_des_key_is_weak()
    {
        var (password, hash) = WeakKeyPassword.Find();
        Assert.Equal(0, hash[14]);
        Assert.Equal(0, hash[15]);

        // The platform DES refuses this key outright.
        using var des = DES.Create();
        Assert.ThrowsAny<CryptographicException>(() => des.Key = [1, 1, 1, 1, 1, 1, 1, 1]);

        var response = new byte[MsChapV1.ResponseLength];
        MsChapV1.NtChallengeResponse(Challenge, hash, response);

        // A weak DES key makes encryption its own inverse: encrypting the third block again gives the challenge back.
        var back = new byte[8];
        MsChapDes.Encrypt(response.AsSpan(16, 8), new byte[7], back);
        Assert.Equal(Challenge, back);

        var value = BuildResponseValue(7, response);
        Assert.True(MsChapV1.VerifyResponse(value, Challenge, hash));
        var fromPassword = new byte[16];
        NtPasswordHash.Compute(password, fromPassword);
        Assert.True(MsChapV1.VerifyResponse(value, Challenge, fromPassword));
    }

    [Fact]
    public void Verifies_an_ms_chap_response_and_rejects_lm_only_or_wrong_ones()
    {
        var value = BuildResponseValue(1, NtResponse);
        Assert.True(MsChapV1.VerifyResponse(value, Challenge, NtHash));

        var lmOnly = (byte[])value.Clone();
        lmOnly[1] = 0;
        Assert.False(MsChapV1.VerifyResponse(lmOnly, Challenge, NtHash));

        var wrong = (byte[])value.Clone();
        wrong[^1] ^= 1;
        Assert.False(MsChapV1.VerifyResponse(wrong, Challenge, NtHash));

        var otherHash = (byte[])NtHash.Clone();
        otherHash[0] ^= 1;
        Assert.False(MsChapV1.VerifyResponse(value, Challenge, otherHash));
        Assert.False(MsChapV1.VerifyResponse(value, Challenge.AsSpan(1), NtHash));
        Assert.False(MsChapV1.VerifyResponse(value, Challenge, NtHash.AsSpan(1)));
    }

    [Fact]
    public void Verify_rejects_every_truncation_without_throwing()
    {
        var value = BuildResponseValue(1, NtResponse);
        for (var length = 0; length < value.Length; length++)
        {
            Assert.False(MsChapV1.VerifyResponse(value.AsSpan(0, length), Challenge, NtHash));
            Assert.False(MsChapResponse.TryParse(value.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void A_default_response_is_refused_rather_than_read() =>
        Assert.False(MsChapV1.VerifyResponse(default(MsChapResponse), Challenge, NtHash));

    [Fact]
    public void Encrypts_ms_chap_mppe_keys_with_the_nt_key_after_a_zero_lm_key()
    {
        var secret = "xyzzy5461"u8.ToArray();
        var authenticator = Enumerable.Range(0, 16).Select(i => (byte)(i * 3)).ToArray();
        var hashHash = Hex.Parse("41 C0 0C 58 4B D2 D9 1C 40 17 A2 A1 2F A5 9F 3F");
        var value = new byte[MsChapV1.MppeKeysLength];
        Assert.True(MsChapV1.TryEncryptMppeKeys(hashHash, secret, authenticator, value, out var written));
        Assert.Equal(32, written);

        RadiusMd5Cipher.Decrypt(secret, authenticator, value);
        Assert.Equal(new byte[8], value[..8]);
        Assert.Equal(hashHash, value[8..24]);
        Assert.Equal(new byte[8], value[24..]);

        Assert.False(MsChapV1.TryEncryptMppeKeys(hashHash, secret, authenticator, new byte[31], out _));
        Assert.False(MsChapV1.TryEncryptMppeKeys(hashHash.AsSpan(1), secret, authenticator, value, out _));
    }

    private static byte[] BuildResponseValue(byte ident, byte[] ntResponse) =>
        [ident, MsChapResponse.UseNtResponse, .. new byte[24], .. ntResponse];
}
