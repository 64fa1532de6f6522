using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;
using static Orleans.Radius.Protocol.Tests.Interop.InteropSetup;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>What the responder does with datagrams no real client sends: it records them and stays silent.</summary>
public class LoopbackResponderTests
{
    [Fact]
    public async Task Malformed_datagrams_are_recorded_and_not_answered()
    {
        await using var responder = StartResponder();
        var valid = BuildStatusServer();
        var truncated = valid[..^1];
        var badVendor = BuildWith((ref RadiusPacketWriter writer) => writer.TryWriteAttribute(RadiusAttributeType.VendorSpecific, [0, 0, 0, 9, 1, 40, 0]));
        var badTunnelType = BuildWith((ref RadiusPacketWriter writer) => writer.TryWriteAttribute(RadiusAttributeType.TunnelType, [1, 0, 13]));

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var server = IPEndPoint.Parse(responder.Server);
        foreach (var datagram in new[] { truncated, badVendor, badTunnelType, valid })
        {
            await client.SendToAsync(datagram, server);
        }

        Assert.Equal(RadiusParseError.LengthMismatch, (await responder.WaitForRequestAsync(0)).ParseError);
        Assert.Equal("malformed Vendor-Specific attribute", (await responder.WaitForRequestAsync(1)).DropReason);
        Assert.Equal("malformed tunnel attribute", (await responder.WaitForRequestAsync(2)).DropReason);
        var answered = await responder.WaitForRequestAsync(3);
        Assert.Equal(RadiusCode.AccessAccept, answered.Reply?.Code);
        Assert.All(responder.Requests.Take(3), r => Assert.Null(r.Reply));

        // Only the valid one got an answer, and it verifies as a reply to that request.
        var buffer = new byte[RadiusPacket.MaxLength];
        var received = await client.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(10));
        var reply = buffer[..received];
        Assert.Equal(answered.Reply!.Datagram, reply);
        Assert.True(RadiusSigner.VerifyResponseAuthenticator(reply, valid.AsSpan(RadiusPacket.AuthenticatorOffset, 16), Encoding.UTF8.GetBytes(Secret)));
    }

    private delegate bool AttributeWriter(ref RadiusPacketWriter writer);

    private static byte[] BuildStatusServer() => BuildWith((ref RadiusPacketWriter _) => true);

    private static byte[] BuildWith(AttributeWriter write)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, RadiusCode.StatusServer, 9, RandomNumberGenerator.GetBytes(16));
        Assert.True(write(ref writer));
        Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        var packet = writer.Complete();
        RadiusSigner.SignAccessRequest(packet, Encoding.UTF8.GetBytes(Secret));
        return packet.ToArray();
    }
}
