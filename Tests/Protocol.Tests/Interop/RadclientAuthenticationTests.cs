using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Interop.InteropSetup;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>PAP, CHAP and MS-CHAP from FreeRADIUS's radclient and radtest against a responder built on our codec.</summary>
public class RadclientAuthenticationTests
{
    [Theory]
    [InlineData(Alice, AlicePassword)]
    [InlineData(Carol, CarolPassword)]
    public async Task Pap_accept_is_decoded_by_radclient_with_every_reply_attribute(string user, string password)
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "auth", Secret, $"""
            User-Name = "{user}"
            User-Password = "{password}"
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(RadiusCode.AccessRequest, request.Code);
        Assert.Equal(MessageAuthenticatorCheck.Valid, request.MessageAuthenticator);
        Assert.Equal(AuthenticationMethod.Pap, request.Method);
        Assert.Equal(password, request.RevealedPassword);
        Assert.True(request.CredentialVerified);

        var reply = RadclientOutput.SingleReply(result.StandardOutput);
        Assert.StartsWith($"Received Access-Accept Id {request.Identifier} ", reply[0], StringComparison.Ordinal);
        AssertCommonAcceptAttributes(reply);

        // BlastRADIUS: the Message-Authenticator is the reply's first attribute, and radclient printed it first.
        var sent = request.Reply!.Datagram;
        Assert.Equal((byte)RadiusAttributeType.MessageAuthenticator, sent[RadiusPacket.HeaderLength]);
        Assert.Equal(RadclientOutput.Octets(sent.AsSpan(RadiusPacket.HeaderLength + 2, 16)), RadclientOutput.Value(reply, "Message-Authenticator"));
        Assert.StartsWith("Message-Authenticator = ", reply[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pap_with_a_wrong_password_is_rejected_and_radclient_exits_with_1()
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "auth", Secret, $"""
            User-Name = "{Alice}"
            User-Password = "not-alices-password"
            Message-Authenticator = 0x00
            """);

        // radclient expects Access-Accept for "auth": a (valid) Access-Reject is a failure, exit status 1.
        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("Expected Access-Accept got Access-Reject", result.StandardError, StringComparison.Ordinal);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal("not-alices-password", request.RevealedPassword);
        Assert.False(request.CredentialVerified);

        var reply = RadclientOutput.SingleReply(result.StandardOutput);
        Assert.StartsWith("Received Access-Reject ", reply[0], StringComparison.Ordinal);
        Assert.StartsWith("Message-Authenticator = ", reply[1], StringComparison.Ordinal);
        Assert.Equal($"\"{LoopbackResponder.RejectMessageText}\"", RadclientOutput.Value(reply, "Reply-Message"));
    }

    [Theory]
    [InlineData("pap", AuthenticationMethod.Pap)]
    [InlineData("chap", AuthenticationMethod.Chap)]
    [InlineData("mschap", AuthenticationMethod.MsChapV1)]
    public async Task Radtest_is_accepted_for_each_method(string type, AuthenticationMethod method)
    {
        await using var responder = StartResponder();
        var result = await RadClient.RadtestAsync(type, Carol, CarolPassword, responder.Server, Secret);

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(method, request.Method);
        Assert.True(request.CredentialVerified, result.Output);
        Assert.Equal(MessageAuthenticatorCheck.Valid, request.MessageAuthenticator);
        Assert.Equal("127.0.0.1", string.Join('.', request.Attributes.Single(a => a.Type == (byte)RadiusAttributeType.NasIpAddress).Value));

        var reply = RadclientOutput.SingleReply(result.StandardOutput);
        Assert.StartsWith("Received Access-Accept ", reply[0], StringComparison.Ordinal);
        AssertCommonAcceptAttributes(reply);
    }

    [Theory]
    [InlineData("chap")]
    [InlineData("mschap")]
    public async Task Radtest_with_a_wrong_password_is_rejected(string type)
    {
        await using var responder = StartResponder();
        var result = await RadClient.RadtestAsync(type, Alice, "guessed-wrong", responder.Server, Secret);

        Assert.True(result.ExitCode == 1, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.False(request.CredentialVerified);
        Assert.StartsWith("Received Access-Reject ", RadclientOutput.SingleReply(result.StandardOutput)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chap_answering_a_chap_challenge_attribute_is_accepted()
    {
        await using var responder = StartResponder();
        var challenge = RandomNumberGenerator.GetBytes(16);

        // Given a cleartext CHAP-Password, radclient hashes it with the CHAP-Challenge it finds in the request.
        var result = await RadClient.SendAsync(responder.Server, "auth", Secret, $"""
            User-Name = "{Alice}"
            CHAP-Challenge = {RadclientOutput.Octets(challenge)}
            CHAP-Password = "{AlicePassword}"
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(AuthenticationMethod.Chap, request.Method);
        Assert.True(request.CredentialVerified);
        Assert.Equal(challenge, request.Attributes.Single(a => a.Type == (byte)RadiusAttributeType.ChapChallenge).Value);
        Assert.StartsWith("Received Access-Accept ", RadclientOutput.SingleReply(result.StandardOutput)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ms_chap_v1_accept_carries_mppe_keys_that_radclient_decrypts()
    {
        await using var responder = StartResponder();
        var result = await RadClient.RadtestAsync("mschap", Alice, AlicePassword, responder.Server, Secret);

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(AuthenticationMethod.MsChapV1, request.Method);
        Assert.True(request.CredentialVerified);
        Assert.Contains(request.VendorAttributes, v => v is { VendorId: LoopbackResponder.MicrosoftVendorId, VendorType: LoopbackResponder.MsChapChallengeType });

        // The dictionary types MS-CHAP-MPPE-Keys as octets[24]: radclient prints the LM-Key and NT-Key it
        // decrypted and drops the 8 bytes of padding.
        var reply = RadclientOutput.SingleReply(result.StandardOutput);
        var keys = request.Reply!.MsChapMppeKeys!;
        Assert.Equal(RadclientOutput.Octets(keys.AsSpan(0, 24)), RadclientOutput.Value(reply, "MS-CHAP-MPPE-Keys"));
        var ntHash = new byte[NtPasswordHash.Length];
        var ntKey = new byte[NtPasswordHash.Length];
        NtPasswordHash.Compute(AlicePassword, ntHash);
        NtPasswordHash.ComputeHashHash(ntHash, ntKey);
        Assert.Equal(ntKey, keys.AsSpan(8, 16).ToArray());
    }

    [Fact]
    public async Task Ms_chap_v2_accept_carries_a_success_and_mppe_keys_that_radclient_decodes()
    {
        // radclient cannot compute an MS-CHAP2-Response, so the test builds one and radclient only carries it;
        // MS-CHAPv2 against an independent peer implementation is covered by the eapol_test end-to-end tests.
        await using var responder = StartResponder();
        var authenticatorChallenge = RandomNumberGenerator.GetBytes(MsChapV2.ChallengeLength);
        var peerChallenge = RandomNumberGenerator.GetBytes(MsChapV2.ChallengeLength);
        var ntHash = new byte[NtPasswordHash.Length];
        NtPasswordHash.Compute(CarolPassword, ntHash);
        var ntResponse = new byte[MsChapV2.NtResponseLength];
        MsChapV2.GenerateNtResponse(authenticatorChallenge, peerChallenge, Encoding.UTF8.GetBytes(Carol), ntHash, ntResponse);
        byte[] response = [0x2A, 0x00, .. peerChallenge, .. new byte[8], .. ntResponse];

        var result = await RadClient.SendAsync(responder.Server, "auth", Secret, $"""
            User-Name = "{Carol}"
            MS-CHAP-Challenge = {RadclientOutput.Octets(authenticatorChallenge)}
            MS-CHAP2-Response = {RadclientOutput.Octets(response)}
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(AuthenticationMethod.MsChapV2, request.Method);
        Assert.True(request.CredentialVerified);

        var reply = RadclientOutput.SingleReply(result.StandardOutput);
        AssertCommonAcceptAttributes(reply);
        var sent = request.Reply!;
        Assert.Equal(RadclientOutput.Octets(sent.MppeSendKey), RadclientOutput.Value(reply, "MS-MPPE-Send-Key"));
        Assert.Equal(RadclientOutput.Octets(sent.MppeRecvKey), RadclientOutput.Value(reply, "MS-MPPE-Recv-Key"));
        Assert.Equal(16, sent.MppeSendKey!.Length);
        Assert.NotEqual(sent.MppeSendKey, sent.MppeRecvKey);

        // The peer's side of RFC 2759 §8.8: the Ident is echoed and the "S=" string radclient received checks out.
        var success = Convert.FromHexString(RadclientOutput.Value(reply, "MS-CHAP2-Success")[2..]);
        Assert.Equal(0x2A, success[0]);
        Assert.True(MsChapV2.CheckAuthenticatorResponse(ntHash, ntResponse, peerChallenge, authenticatorChallenge, Encoding.UTF8.GetBytes(Carol), success.AsSpan(1)));
    }

    [Fact]
    public async Task Ms_chap_v2_with_a_wrong_nt_response_is_rejected()
    {
        await using var responder = StartResponder();
        byte[] response = [0x01, 0x00, .. RandomNumberGenerator.GetBytes(16), .. new byte[8], .. RandomNumberGenerator.GetBytes(24)];
        var result = await RadClient.SendAsync(responder.Server, "auth", Secret, $"""
            User-Name = "{Carol}"
            MS-CHAP-Challenge = {RadclientOutput.Octets(RandomNumberGenerator.GetBytes(16))}
            MS-CHAP2-Response = {RadclientOutput.Octets(response)}
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 1, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(AuthenticationMethod.MsChapV2, request.Method);
        Assert.False(request.CredentialVerified);
        Assert.StartsWith("Received Access-Reject ", RadclientOutput.SingleReply(result.StandardOutput)[0], StringComparison.Ordinal);
    }

    /// <summary>What every Access-Accept carries; radclient printing the tunnel password proves our salt encryption interoperates.</summary>
    internal static void AssertCommonAcceptAttributes(IReadOnlyList<string> reply)
    {
        Assert.Equal($"\"{LoopbackResponder.ReplyMessageText}\"", RadclientOutput.Value(reply, "Reply-Message"));
        Assert.Equal($"\"{LoopbackResponder.CiscoAvPairText}\"", RadclientOutput.Value(reply, "Cisco-AVPair"));
        Assert.Equal("VLAN", RadclientOutput.Value(reply, "Tunnel-Type:1"));
        Assert.Equal("IEEE-802", RadclientOutput.Value(reply, "Tunnel-Medium-Type:1"));
        Assert.Equal($"\"{LoopbackResponder.TunnelPrivateGroupIdText}\"", RadclientOutput.Value(reply, "Tunnel-Private-Group-Id:1"));
        Assert.Equal($"\"{LoopbackResponder.TunnelPasswordText}\"", RadclientOutput.Value(reply, "Tunnel-Password:1"));
    }
}
