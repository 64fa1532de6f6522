using System.Text;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Protocol.Tests.Crypto;

/// <summary>RFC 2759 §9.2: user "User", password "clientPass".</summary>
public class MsChapV2Tests
{
    internal static readonly byte[] UserName = "User"u8.ToArray();
    internal static readonly byte[] AuthenticatorChallenge = Hex.Parse("5B 5D 7C 7D 7B 3F 2F 3E 3C 2C 60 21 32 26 26 28");
    internal static readonly byte[] PeerChallenge = Hex.Parse("21 40 23 24 25 5E 26 2A 28 29 5F 2B 3A 33 7C 7E");
    internal static readonly byte[] NtHash = Hex.Parse("44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE");
    internal static readonly byte[] NtResponse = Hex.Parse("82 30 9E CD 8D 70 8B 5E A0 8F AA 39 81 CD 83 54 42 33 11 4A 3D 85 D6 DF");
    private static readonly byte[] AuthenticatorResponse = "S=407A5589115FD0D6209F510FE9C04566932CDA56"u8.ToArray();

    [Fact]
    public void Computes_the_rfc_2759_challenge_hash()
    {
        var challenge = new byte[8];
        MsChapV2.ChallengeHash(PeerChallenge, AuthenticatorChallenge, UserName, challenge);
        Assert.Equal(Hex.Parse("D0 2E 43 86 BC E9 12 26"), challenge);
    }

    [Fact]
    public void Computes_the_rfc_2759_nt_response()
    {
        var response = new byte[MsChapV2.NtResponseLength];
        MsChapV2.GenerateNtResponse(AuthenticatorChallenge, PeerChallenge, UserName, NtHash, response);
        Assert.Equal(NtResponse, response);
    }

    [Fact]
    public void Computes_the_rfc_2759_authenticator_response()
    {
        var response = new byte[MsChapV2.AuthenticatorResponseLength];
        MsChapV2.GenerateAuthenticatorResponse(NtHash, NtResponse, PeerChallenge, AuthenticatorChallenge, UserName, response);
        Assert.Equal(Encoding.ASCII.GetString(AuthenticatorResponse), Encoding.ASCII.GetString(response));
    }

    [Fact]
    public void Checks_the_authenticator_response_in_either_case_and_rejects_changes()
    {
        Assert.True(MsChapV2.CheckAuthenticatorResponse(NtHash, NtResponse, PeerChallenge, AuthenticatorChallenge, UserName, AuthenticatorResponse));
        var lower = "S=407a5589115fd0d6209f510fe9c04566932cda56"u8.ToArray();
        Assert.True(MsChapV2.CheckAuthenticatorResponse(NtHash, NtResponse, PeerChallenge, AuthenticatorChallenge, UserName, lower));

        var changed = (byte[])AuthenticatorResponse.Clone();
        changed[^1] = (byte)'7';
        Assert.False(MsChapV2.CheckAuthenticatorResponse(NtHash, NtResponse, PeerChallenge, AuthenticatorChallenge, UserName, changed));
        for (var length = 0; length < AuthenticatorResponse.Length; length++)
        {
            Assert.False(MsChapV2.CheckAuthenticatorResponse(NtHash, NtResponse, PeerChallenge, AuthenticatorChallenge, UserName, AuthenticatorResponse.AsSpan(0, length)));
        }

        Assert.False(MsChapV2.CheckAuthenticatorResponse(NtHash.AsSpan(1), NtResponse, PeerChallenge, AuthenticatorChallenge, UserName, AuthenticatorResponse));
        Assert.False(MsChapV2.CheckAuthenticatorResponse(NtHash, NtResponse.AsSpan(1), PeerChallenge, AuthenticatorChallenge, UserName, AuthenticatorResponse));
    }

    [Fact]
    public void Verifies_an_ms_chap2_response_and_writes_the_success_value()
    {
        var value = BuildResponseValue(0x42);
        Assert.True(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, UserName, NtHash));

        Assert.True(MsChap2Response.TryParse(value, out var response));
        var success = new byte[MsChapV2.SuccessValueLength];
        Assert.True(MsChapV2.TryWriteSuccess(response, AuthenticatorChallenge, UserName, NtHash, success, out var written));
        Assert.Equal(43, written);
        Assert.Equal([0x42, .. AuthenticatorResponse], success);
        Assert.False(MsChapV2.TryWriteSuccess(response, AuthenticatorChallenge, UserName, NtHash, new byte[42], out _));
    }

    [Fact]
    public void Hashes_the_user_name_without_its_windows_domain()
    {
        var value = BuildResponseValue(1);
        Assert.True(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, "EXAMPLE\\User"u8, NtHash));
        Assert.Equal("User"u8.ToArray(), MsChapV2.GetUserNameForChallenge("EXAMPLE\\User"u8).ToArray());
        Assert.Equal("User"u8.ToArray(), MsChapV2.GetUserNameForChallenge("User"u8).ToArray());
    }

    [Fact]
    public void Rejects_wrong_hashes_challenges_users_and_responses()
    {
        var value = BuildResponseValue(1);
        var otherHash = (byte[])NtHash.Clone();
        otherHash[15] ^= 1;
        Assert.False(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, UserName, otherHash));
        Assert.False(MsChapV2.VerifyResponse(value, PeerChallenge, UserName, NtHash));
        Assert.False(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, "user"u8, NtHash));
        var changed = (byte[])value.Clone();
        changed[30] ^= 0x80;
        Assert.False(MsChapV2.VerifyResponse(changed, AuthenticatorChallenge, UserName, NtHash));
        Assert.False(MsChapV2.VerifyResponse(value, AuthenticatorChallenge.AsSpan(1), UserName, NtHash));
        Assert.False(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, new byte[MsChapV2.MaxUserNameLength + 1], NtHash));
        Assert.False(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, UserName, NtHash.AsSpan(0, 15)));
    }

    [Fact]
    public void Verify_rejects_every_truncation_without_throwing()
    {
        var value = BuildResponseValue(1);
        for (var length = 0; length < value.Length; length++)
        {
            Assert.False(MsChapV2.VerifyResponse(value.AsSpan(0, length), AuthenticatorChallenge, UserName, NtHash));
            Assert.False(MsChap2Response.TryParse(value.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void A_default_response_is_refused_rather_than_read()
    {
        Assert.False(MsChapV2.VerifyResponse(default(MsChap2Response), AuthenticatorChallenge, UserName, NtHash));
        Assert.False(MsChapV2.TryWriteSuccess(default, AuthenticatorChallenge, UserName, NtHash, new byte[43], out _));
    }

    [Fact]
    public void Verifies_the_weak_key_user()
    {
        var (_, hash) = WeakKeyPassword.Find();
        var response = new byte[MsChapV2.NtResponseLength];
        MsChapV2.GenerateNtResponse(AuthenticatorChallenge, PeerChallenge, UserName, hash, response);
        byte[] value = [1, 0, .. PeerChallenge, .. new byte[8], .. response];
        Assert.True(MsChapV2.VerifyResponse(value, AuthenticatorChallenge, UserName, hash));
    }

    private static byte[] BuildResponseValue(byte ident) => [ident, 0, .. PeerChallenge, .. new byte[8], .. NtResponse];
}
