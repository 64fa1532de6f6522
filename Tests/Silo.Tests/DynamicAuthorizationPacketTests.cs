using System.Globalization;
using System.Net;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;
using Orleans.Radius.Silo.Admin.Coa;
using Orleans.Radius.Tests.Support;

namespace Orleans.Radius.Silo.Tests;

/// <summary>
/// Disconnect/CoA-Requests as the admin API sends them, checked with the protocol reader per RFC 5176 and
/// against FreeRADIUS's radclient: radclient's own Disconnect-Request for the same attributes is byte for
/// byte the same, and radclient accepts the answers our verification accepts.
/// </summary>
public class DynamicAuthorizationPacketTests
{
    private const string Secret = "coa-secret-42";
    private static readonly SessionIdentification Session =
        new("session-0001", "alice", IPAddress.Parse("127.0.0.1"), IPAddress.Parse("10.0.0.5"));

    [Fact]
    public void A_disconnect_request_decodes_and_verifies_per_rfc_5176()
    {
        var packet = Write(RadiusCode.DisconnectRequest, 7, Session);

        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
        Assert.Equal(RadiusCode.DisconnectRequest, reader.Code);
        Assert.Equal(7, reader.Identifier);
        // §2.3: Request Authenticator = MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret).
        Assert.True(RadiusSigner.VerifyComputedRequestAuthenticator(packet, Encoding.UTF8.GetBytes(Secret)));
        // §3.5 / RFC 3579 §3.2: Message-Authenticator over the packet with a zero Request Authenticator.
        Assert.Equal(MessageAuthenticatorCheck.Valid, RadiusSigner.CheckRequestMessageAuthenticator(reader, Encoding.UTF8.GetBytes(Secret)));
        Assert.Equal(MessageAuthenticatorCheck.Invalid, RadiusSigner.CheckRequestMessageAuthenticator(reader, "other"u8));
        Assert.Equal((byte)RadiusAttributeType.MessageAuthenticator, packet[RadiusPacket.HeaderLength]);
        Assert.Equal("session-0001"u8.ToArray(), Assert.Single(NasResponder.Values(packet, RadiusAttributeType.AcctSessionId)));
        Assert.Equal("alice"u8.ToArray(), Assert.Single(NasResponder.Values(packet, RadiusAttributeType.UserName)));
        Assert.Equal([127, 0, 0, 1], Assert.Single(NasResponder.Values(packet, RadiusAttributeType.NasIpAddress)));
        Assert.Equal([10, 0, 0, 5], Assert.Single(NasResponder.Values(packet, RadiusAttributeType.FramedIpAddress)));
    }

    [Fact]
    public void A_coa_request_carries_the_change_after_the_identification()
    {
        var attributes = Grains.Users.ReplyItems.Compile(
            new Dictionary<string, string> { ["Session-Timeout"] = "600" }, Protocol.Dictionary.RadiusDictionary.Standard);
        var buffer = new byte[RadiusPacket.MaxLength];

        var length = DynamicAuthorizationPacket.Write(buffer, RadiusCode.CoaRequest, 9, Session with { UserName = null, FramedIpAddress = null }, attributes, Encoding.UTF8.GetBytes(Secret));

        var packet = buffer[..length];
        Assert.True(RadiusSigner.VerifyComputedRequestAuthenticator(packet, Encoding.UTF8.GetBytes(Secret)));
        Assert.Equal(600u, NasResponder.UInt32(Assert.Single(NasResponder.Values(packet, RadiusAttributeType.SessionTimeout))));
        Assert.Empty(NasResponder.Values(packet, RadiusAttributeType.UserName));
        Assert.Empty(NasResponder.Values(packet, RadiusAttributeType.FramedIpAddress));
    }

    [Fact]
    public async Task Radclient_sends_the_same_bytes_for_the_same_disconnect_request()
    {
        using var nas = new NasResponder();
        var radclient = RunRadclientAsync(nas.EndPoint, "disconnect", """
            Message-Authenticator = 0x00
            NAS-IP-Address = 127.0.0.1
            Acct-Session-Id = "session-0001"
            User-Name = "alice"
            Framed-IP-Address = 10.0.0.5
            """);

        var (theirs, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        await nas.AnswerAsync(theirs, from, RadiusCode.DisconnectAck, Secret);
        var result = await radclient;

        var ours = Write(RadiusCode.DisconnectRequest, theirs[RadiusPacket.IdentifierOffset], Session);
        Assert.Equal(Convert.ToHexString(theirs), Convert.ToHexString(ours));
        Assert.Contains("Received Disconnect-ACK", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Radclient_accepts_the_nak_our_verification_accepts_and_both_read_its_error_cause()
    {
        using var nas = new NasResponder();
        var radclient = RunRadclientAsync(nas.EndPoint, "disconnect", """
            Acct-Session-Id = "session-0002"
            Message-Authenticator = 0x00
            """);

        var (request, from) = await nas.ReceiveAsync(TimeSpan.FromSeconds(10));
        Assert.True(RadiusSigner.VerifyComputedRequestAuthenticator(request, Encoding.UTF8.GetBytes(Secret)), "radclient's Disconnect-Request authenticator");
        RadiusPacketReader.TryParse(request, out var reader);
        Assert.Equal(MessageAuthenticatorCheck.Valid, RadiusSigner.CheckRequestMessageAuthenticator(reader, Encoding.UTF8.GetBytes(Secret)));
        var nak = NasResponder.Answer(request, RadiusCode.DisconnectNak, Secret, errorCause: 503);
        await nas.AnswerAsync(request, from, RadiusCode.DisconnectNak, Secret, errorCause: 503);
        var result = await radclient;

        var reply = Assert.Single(RadclientReplies.Parse(result.StandardOutput));
        Assert.StartsWith("Received Disconnect-NAK", reply[0], StringComparison.Ordinal);
        Assert.Contains("Error-Cause = Session-Context-Not-Found", reply);
        var answer = DynamicAuthorizationPacket.Read(nak, request, Encoding.UTF8.GetBytes(Secret));
        Assert.Equal(new DynamicAuthorizationAnswer(RadiusCode.DisconnectNak, false, 503), answer);
        Assert.Equal("Session Context Not Found", ErrorCauses.Name(503));
    }

    [Fact]
    public void Answers_that_are_not_for_this_request_are_invalid()
    {
        var request = Write(RadiusCode.DisconnectRequest, 11, Session);
        var secret = Encoding.UTF8.GetBytes(Secret);
        var ack = NasResponder.Answer(request, RadiusCode.DisconnectAck, Secret);

        Assert.Equal(new DynamicAuthorizationAnswer(RadiusCode.DisconnectAck, true, null), DynamicAuthorizationPacket.Read(ack, request, secret));
        Assert.True(DynamicAuthorizationPacket.Read(NasResponder.Answer(request, RadiusCode.DisconnectAck, Secret, messageAuthenticator: false), request, secret).Acknowledged);
        Assert.False(DynamicAuthorizationPacket.Read(NasResponder.Answer(request, RadiusCode.DisconnectAck, "wrong-secret"), request, secret).IsValid);
        Assert.False(DynamicAuthorizationPacket.Read(NasResponder.Answer(request, RadiusCode.CoaAck, Secret), request, secret).IsValid);
        var otherIdentifier = Write(RadiusCode.DisconnectRequest, 12, Session);
        Assert.False(DynamicAuthorizationPacket.Read(NasResponder.Answer(otherIdentifier, RadiusCode.DisconnectAck, Secret), request, secret).IsValid);
        var badMessageAuthenticator = (byte[])ack.Clone();
        badMessageAuthenticator[RadiusPacket.HeaderLength + 2] ^= 1;
        RadiusSigner.SignResponse(badMessageAuthenticator.AsSpan(), request.AsSpan(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), [0x6e]);
        Assert.False(DynamicAuthorizationPacket.Read(badMessageAuthenticator, request, secret).IsValid);
        for (var length = 0; length < ack.Length; length++)
        {
            Assert.False(DynamicAuthorizationPacket.Read(ack.AsSpan(0, length), request, secret).IsValid);
        }
    }

    private static byte[] Write(RadiusCode code, byte identifier, SessionIdentification session)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var length = DynamicAuthorizationPacket.Write(buffer, code, identifier, session, [], Encoding.UTF8.GetBytes(Secret));
        Assert.True(length > 0);
        return buffer[..length];
    }

    private static Task<ToolResult> RunRadclientAsync(IPEndPoint server, string command, string attributes) =>
        ToolRunner.RunAsync(
            ToolRunner.Require("radclient", "freeradius-utils"),
            ["-x", "-r", "1", "-t", "3", $"127.0.0.1:{server.Port.ToString(CultureInfo.InvariantCulture)}", command, Secret],
            attributes,
            TimeSpan.FromSeconds(20));
}
