using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.EndToEnd.Tests.Infrastructure;
using Orleans.Radius.Protocol.Crypto;

namespace Orleans.Radius.EndToEnd.Tests.Cluster;

/// <summary>PAP, CHAP, MS-CHAP and MS-CHAPv2 from FreeRADIUS's own clients, through each of the two gateways.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthenticationTests(ClusterFixture fixture)
{
    // Accept and reject alternate, so a user never reaches the lockout threshold (2 failures in a row).
    [Theory]
    [InlineData("pap", "pap-user", "pap-password")]
    [InlineData("chap", "chap-user", "chap-password")]
    [InlineData("mschap", "mschap-user", "mschap-password")]
    public async Task Radtest_is_accepted_and_rejected_through_both_gateways(string type, string user, string password)
    {
        foreach (var gateway in new[] { fixture.Gateway(1), fixture.Gateway(2) })
        {
            var accepted = await Radclient.RadtestAsync(type, user, password, gateway.AuthServer);
            Assert.True(accepted.ExitCode == 0, $"{type} via {gateway.Name}:\n{accepted.Output}\n{fixture.Cluster.Output()}");
            Assert.StartsWith("Received Access-Accept", Radclient.SingleReply(accepted)[0], StringComparison.Ordinal);

            var rejected = await Radclient.RadtestAsync(type, user, "not-" + password, gateway.AuthServer);
            Assert.True(rejected.ExitCode == 1, $"{type} via {gateway.Name}:\n{rejected.Output}");
            Assert.StartsWith("Received Access-Reject", Radclient.SingleReply(rejected)[0], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task MsChapV2_is_accepted_with_a_verifiable_success_and_mppe_keys_and_rejected_with_a_wrong_password(int gatewayNumber)
    {
        const string user = "mschapv2-user";
        var gateway = fixture.Gateway(gatewayNumber);

        var attempt = MsChapV2Attempt.Create(user, "mschapv2-password");
        var accepted = await Radclient.SendAsync(gateway.AuthServer, "auth", attempt.RadclientInput);
        Assert.True(accepted.ExitCode == 0, $"{accepted.Output}\n{fixture.Cluster.Output()}");
        var reply = Radclient.SingleReply(accepted);
        Assert.StartsWith("Received Access-Accept", reply[0], StringComparison.Ordinal);
        Assert.StartsWith("Message-Authenticator = ", reply[1], StringComparison.Ordinal);

        // MS-CHAP2-Success = ident ‖ "S=<40 hex digits>": the peer's proof that the server knows the password.
        var success = Convert.FromHexString(Radclient.Value(reply, "MS-CHAP2-Success")[2..]);
        Assert.Equal(1 + MsChapV2.AuthenticatorResponseLength, success.Length);
        Assert.Equal(attempt.Ident, success[0]);
        Assert.True(attempt.Verifies(success.AsSpan(1)), Encoding.ASCII.GetString(success.AsSpan(1)));

        // radclient decrypts the salted keys with the shared secret and prints them: both must be there.
        Assert.Matches("^0x[0-9a-f]{32}$", Radclient.Value(reply, "MS-MPPE-Send-Key"));
        Assert.Matches("^0x[0-9a-f]{32}$", Radclient.Value(reply, "MS-MPPE-Recv-Key"));
        Assert.NotEqual(Radclient.Value(reply, "MS-MPPE-Send-Key"), Radclient.Value(reply, "MS-MPPE-Recv-Key"));

        var wrong = MsChapV2Attempt.Create(user, "not-the-password");
        var rejected = await Radclient.SendAsync(gateway.AuthServer, "auth", wrong.RadclientInput);
        Assert.True(rejected.ExitCode == 1, rejected.Output);
        var rejectReply = Radclient.SingleReply(rejected);
        Assert.StartsWith("Received Access-Reject", rejectReply[0], StringComparison.Ordinal);
        Assert.DoesNotContain(rejectReply, line => line.StartsWith("MS-MPPE", StringComparison.Ordinal));
    }

    /// <summary>An MS-CHAPv2 exchange as a peer computes it (RFC 2759 §8), carried in RADIUS per RFC 2548.</summary>
    private sealed class MsChapV2Attempt
    {
        private readonly byte[] _userName;
        private readonly byte[] _ntHash = new byte[NtPasswordHash.Length];
        private readonly byte[] _authenticatorChallenge = RandomNumberGenerator.GetBytes(MsChapV2.ChallengeLength);
        private readonly byte[] _peerChallenge = RandomNumberGenerator.GetBytes(16);
        private readonly byte[] _ntResponse = new byte[MsChapV2.NtResponseLength];

        private MsChapV2Attempt(string user, string password)
        {
            _userName = Encoding.UTF8.GetBytes(user);
            Ident = (byte)RandomNumberGenerator.GetInt32(256);
            NtPasswordHash.Compute(password, _ntHash);
            MsChapV2.GenerateNtResponse(_authenticatorChallenge, _peerChallenge, _userName, _ntHash, _ntResponse);
            RadclientInput = $"""
                User-Name = "{user}"
                MS-CHAP-Challenge = 0x{Convert.ToHexStringLower(_authenticatorChallenge)}
                MS-CHAP2-Response = 0x{Convert.ToHexStringLower(Response())}
                Message-Authenticator = 0x00
                """;
        }

        public byte Ident { get; }

        public string RadclientInput { get; }

        public static MsChapV2Attempt Create(string user, string password) => new(user, password);

        public bool Verifies(ReadOnlySpan<byte> authenticatorResponse) =>
            MsChapV2.CheckAuthenticatorResponse(_ntHash, _ntResponse, _peerChallenge, _authenticatorChallenge, _userName, authenticatorResponse);

        // Ident, Flags (0), Peer-Challenge (16), Reserved (8 zeros), NT-Response (24): RFC 2548 §2.3.2.
        private byte[] Response()
        {
            var value = new byte[MsChap2Response.ValueLength];
            value[0] = Ident;
            _peerChallenge.CopyTo(value, 2);
            _ntResponse.CopyTo(value, 26);
            return value;
        }
    }
}
