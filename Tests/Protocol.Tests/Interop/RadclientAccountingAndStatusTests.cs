using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Interop.InteropSetup;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>Accounting-Request and Status-Server from radclient: computed request authenticators and RFC 5997 probes.</summary>
public class RadclientAccountingAndStatusTests
{
    [Fact]
    public async Task Accounting_start_interim_and_stop_are_each_answered()
    {
        await using var responder = StartResponder();

        // radclient reads one packet per block of lines and sends them one after the other.
        var result = await RadClient.SendAsync(responder.Server, "acct", Secret, $"""
            User-Name = "{Alice}"
            Acct-Status-Type = Start
            Acct-Session-Id = "interop-1"
            NAS-IP-Address = 127.0.0.1

            User-Name = "{Alice}"
            Acct-Status-Type = Interim-Update
            Acct-Session-Id = "interop-1"
            Acct-Session-Time = 60
            Acct-Input-Octets = 1234

            User-Name = "{Alice}"
            Acct-Status-Type = Stop
            Acct-Session-Id = "interop-1"
            Acct-Session-Time = 120
            Acct-Terminate-Cause = User-Request
            Message-Authenticator = 0x00
            """);

        Assert.True(result.ExitCode == 0, result.Output);
        var requests = new List<DecodedRequest>();
        for (var i = 0; i < 3; i++)
        {
            requests.Add(await responder.WaitForRequestAsync(i));
        }

        Assert.All(requests, r =>
        {
            Assert.Equal(RadiusCode.AccountingRequest, r.Code);
            Assert.True(r.RequestAuthenticatorValid);
            Assert.Equal(RadiusCode.AccountingResponse, r.Reply?.Code);
            Assert.Equal("interop-1", r.GetString(RadiusAttributeType.AcctSessionId));
        });

        // Acct-Status-Type: Start = 1, Stop = 2, Interim-Update = 3 (RFC 2866 §5.1, RFC 2869 §2.1).
        var statusTypes = requests.Select(r => r.Attributes.Single(a => a.Type == (byte)RadiusAttributeType.AcctStatusType).Value[3]).Order();
        Assert.Equal(new byte[] { 1, 2, 3 }, statusTypes);

        // An Accounting-Request's Message-Authenticator is computed over a zero authenticator (RFC 3579 §3.2).
        var stop = Assert.Single(requests, r => r.MessageAuthenticator != MessageAuthenticatorCheck.Missing);
        Assert.Equal(MessageAuthenticatorCheck.Valid, stop.MessageAuthenticator);

        var replies = RadclientOutput.Replies(result.StandardOutput);
        Assert.Equal(3, replies.Count);
        Assert.All(replies, r => Assert.StartsWith("Received Accounting-Response ", r[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accounting_with_a_wrong_secret_is_dropped_and_radclient_gets_no_reply()
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "acct", WrongSecret, $"""
            User-Name = "{Alice}"
            Acct-Status-Type = Start
            Acct-Session-Id = "interop-2"
            """);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("No reply from server", result.StandardOutput, StringComparison.Ordinal);
        var request = await responder.WaitForRequestAsync(0);
        Assert.False(request.RequestAuthenticatorValid);
        Assert.Null(request.Reply);
    }

    [Fact]
    public async Task Status_server_with_message_authenticator_gets_a_signed_access_accept()
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "status", Secret, "Message-Authenticator = 0x00\n");

        Assert.True(result.ExitCode == 0, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(RadiusCode.StatusServer, request.Code);
        Assert.Equal(MessageAuthenticatorCheck.Valid, request.MessageAuthenticator);

        var reply = RadclientOutput.SingleReply(result.StandardOutput);
        Assert.StartsWith($"Received Access-Accept Id {request.Identifier} ", reply[0], StringComparison.Ordinal);
        Assert.Equal(RadclientOutput.Octets(request.Reply!.Datagram.AsSpan(RadiusPacket.HeaderLength + 2, 16)), RadclientOutput.Value(reply, "Message-Authenticator"));
    }

    [Fact]
    public async Task Status_server_with_a_wrong_secret_is_dropped()
    {
        await using var responder = StartResponder();
        var result = await RadClient.SendAsync(responder.Server, "status", WrongSecret, "Message-Authenticator = 0x00\n");

        Assert.True(result.ExitCode == 1, result.Output);
        var request = await responder.WaitForRequestAsync(0);
        Assert.Equal(MessageAuthenticatorCheck.Invalid, request.MessageAuthenticator);
        Assert.Null(request.Reply);
    }
}
