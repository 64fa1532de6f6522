using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.Grains.Tests.Users;

/// <summary>PAP, CHAP, MS-CHAP v1 and v2 against users configured by cleartext password or by NT hash only.</summary>
[Collection(DefaultClusterCollection.Name)]
public sealed class AuthenticationTests(DefaultClusterFixture fixture)
{
    private const uint Microsoft = 311;
    private const string Password = "correct horse";

    [Fact]
    public async Task Pap_accepts_the_cleartext_password_and_rejects_another()
    {
        var user = await CreateAsync("pap-clear", Password, ntHash: null);

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("correct horse "))).Outcome);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap(""))).Outcome);
    }

    [Fact]
    public async Task Pap_checks_an_nt_hash_only_user_by_hashing_the_presented_password()
    {
        var user = await CreateAsync("pap-hash", password: null, Requests.NtHashHex(Password));

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Pap(Password))).Outcome);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Pap("Correct horse"))).Outcome);
    }

    [Fact]
    public async Task Pap_without_a_password_is_rejected()
    {
        var user = await CreateAsync("pap-missing", Password, ntHash: null);

        var request = new AuthRequest(Requests.NewKey(), "nas", AuthMethod.Pap, null, null, null);

        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(request)).Outcome);
    }

    [Fact]
    public async Task Chap_accepts_a_response_computed_from_the_cleartext_password()
    {
        var user = await CreateAsync("chap-clear", Password, ntHash: null);

        Assert.Equal(AuthOutcome.Accept, (await user.Authenticate(Requests.Chap(Password))).Outcome);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Chap("wrong"))).Outcome);
    }

    [Fact]
    public async Task Chap_is_rejected_for_an_nt_hash_only_user_even_with_the_right_password()
    {
        var user = await CreateAsync("chap-hash", password: null, Requests.NtHashHex(Password));

        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.Chap(Password))).Outcome);
    }

    [Theory]
    [InlineData("mschap1-clear", true)]
    [InlineData("mschap1-hash", false)]
    public async Task MsChapV1_accepts_the_nt_response(string userName, bool configuredInCleartext)
    {
        var user = configuredInCleartext
            ? await CreateAsync(userName, Password, ntHash: null)
            : await CreateAsync(userName, password: null, Requests.NtHashHex(Password));

        var accepted = await user.Authenticate(Requests.MsChap(Password));

        Assert.Equal(AuthOutcome.Accept, accepted.Outcome);

        // MS-CHAP-MPPE-Keys carries the NT-Key (RFC 3079 §2: MD4 of the NT hash) for the gateway to hide.
        var keys = Requests.FindVendorAttribute(accepted.Attributes, Microsoft, 12);
        Assert.Equal(ReplyEncryption.MsChapMppeKeys, keys.Encryption);
        var ntHash = Convert.FromHexString(Requests.NtHashHex(Password));
        var ntKey = new byte[16];
        NtPasswordHash.ComputeHashHash(ntHash, ntKey);
        Assert.Equal(ntKey, keys.Encoded[8..]);
        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.MsChap("wrong"))).Outcome);
    }

    [Fact]
    public async Task MsChapV1_asking_for_the_lm_response_is_rejected()
    {
        var user = await CreateAsync("mschap1-lm", Password, ntHash: null);

        Assert.Equal(AuthOutcome.Reject, (await user.Authenticate(Requests.MsChap(Password, flags: 0))).Outcome);
    }

    [Theory]
    [InlineData("mschap2-clear", true)]
    [InlineData("mschap2-hash", false)]
    public async Task MsChapV2_accepts_and_proves_the_server_knows_the_password(string userName, bool configuredInCleartext)
    {
        var user = configuredInCleartext
            ? await CreateAsync(userName, Password, ntHash: null)
            : await CreateAsync(userName, password: null, Requests.NtHashHex(Password));
        var challenge = RandomNumberGenerator.GetBytes(16);
        var peerChallenge = RandomNumberGenerator.GetBytes(16);
        var request = Requests.MsChap2(userName, Password, challenge, peerChallenge, ident: 0x5C);
        var ntResponse = request.Response.AsSpan(26, 24).ToArray();
        var ntHash = Requests.NtHash(Password);

        var result = await user.Authenticate(request);

        Assert.Equal(AuthOutcome.Accept, result.Outcome);
        var success = Requests.FindVendorAttribute(result.Attributes, Microsoft, 26);
        Assert.Equal(ReplyEncryption.None, success.Encryption);
        Assert.Equal(8 + 1 + 42, success.Encoded.Length);
        Assert.Equal(0x5C, success.Encoded[8]);
        Assert.True(MsChapV2.CheckAuthenticatorResponse(
            ntHash, ntResponse, peerChallenge, challenge, Encoding.UTF8.GetBytes(userName), success.Encoded.AsSpan(9)));

        var sendKey = new byte[16];
        var receiveKey = new byte[16];
        MppeKeyDerivation.GetMsChapV2ServerKeys(ntHash, ntResponse, sendKey, receiveKey);
        var send = Requests.FindVendorAttribute(result.Attributes, Microsoft, 16);
        var receive = Requests.FindVendorAttribute(result.Attributes, Microsoft, 17);
        Assert.Equal(ReplyEncryption.MicrosoftSalt, send.Encryption);
        Assert.Equal(ReplyEncryption.MicrosoftSalt, receive.Encryption);
        Assert.Equal(sendKey, send.Encoded[8..]);
        Assert.Equal(receiveKey, receive.Encoded[8..]);
        Assert.NotEqual(sendKey, receiveKey);

        // RFC 2548 §2.4.4/2.4.5: encryption allowed, 40- or 128-bit RC4.
        Assert.Equal([0, 0, 0, 1], Requests.FindVendorAttribute(result.Attributes, Microsoft, 7).Encoded[8..]);
        Assert.Equal([0, 0, 0, 6], Requests.FindVendorAttribute(result.Attributes, Microsoft, 8).Encoded[8..]);
    }

    [Fact]
    public async Task MsChapV2_with_the_wrong_password_or_for_another_user_name_is_rejected()
    {
        var user = await CreateAsync("mschap2-wrong", Password, ntHash: null);
        var challenge = RandomNumberGenerator.GetBytes(16);
        var peerChallenge = RandomNumberGenerator.GetBytes(16);

        var wrongPassword = await user.Authenticate(Requests.MsChap2("mschap2-wrong", "wrong", challenge, peerChallenge));
        var otherName = await user.Authenticate(Requests.MsChap2("someone-else", Password, challenge, peerChallenge));

        Assert.Equal(AuthOutcome.Reject, wrongPassword.Outcome);
        Assert.Equal(AuthOutcome.Reject, otherName.Outcome);
    }

    [Fact]
    public async Task A_reject_for_an_unknown_user_looks_exactly_like_a_reject_for_a_wrong_password()
    {
        var known = await CreateAsync("reject-known", Password, ntHash: null);
        var unknown = fixture.Grains.GetGrain<IUserGrain>("reject-unknown");

        var wrongPassword = await known.Authenticate(Requests.Pap("wrong"));
        var noSuchUser = await unknown.Authenticate(Requests.Pap(Password));

        Assert.Equal(AuthOutcome.Reject, wrongPassword.Outcome);
        Assert.Equal(wrongPassword.Outcome, noSuchUser.Outcome);
        Assert.Empty(wrongPassword.Attributes);
        Assert.Empty(noSuchUser.Attributes);
        Assert.Equal(wrongPassword.Replayed, noSuchUser.Replayed);
    }

    private async Task<IUserGrain> CreateAsync(string userName, string? password, string? ntHash)
    {
        var user = fixture.Grains.GetGrain<IUserGrain>(userName);
        Assert.True(await user.Upsert(new UserDefinition(userName, password, ntHash, Reply: null, MaxSessions: null)));
        return user;
    }
}
