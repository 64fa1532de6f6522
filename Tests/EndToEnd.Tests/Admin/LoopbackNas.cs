using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Admin;

/// <summary>
/// A test NAS on its own loopback address: sends requests to a gateway from it, and runs a dynamic
/// authorization server (RFC 5176) on it that answers the silo's Disconnect/CoA-Requests.
/// </summary>
internal sealed class LoopbackNas : IDisposable
{
    private readonly Socket _coa;

    public LoopbackNas(string address, string secret)
    {
        Address = IPAddress.Parse(address);
        Secret = secret;
        _coa = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _coa.Bind(new IPEndPoint(Address, 0));
    }

    public IPAddress Address { get; }

    public string Secret { get; }

    public int CoaPort => ((IPEndPoint)_coa.LocalEndPoint!).Port;

    /// <summary>The next Disconnect/CoA-Request, after checking it is signed with the secret (RFC 5176 §3.5).</summary>
    public async Task<(byte[] Packet, EndPoint From)> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        using var cancellation = new CancellationTokenSource(timeout);
        var received = await _coa.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellation.Token);
        var packet = buffer[..received.ReceivedBytes];
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
        Assert.True(RadiusSigner.VerifyComputedRequestAuthenticator(packet, Encoding.UTF8.GetBytes(Secret)), "Request Authenticator");
        Assert.Equal(MessageAuthenticatorCheck.Valid, RadiusSigner.CheckRequestMessageAuthenticator(reader, Encoding.UTF8.GetBytes(Secret)));
        return (packet, received.RemoteEndPoint);
    }

    /// <summary>Answers with ACK or NAK (optionally with Error-Cause), signed over the request's authenticator.</summary>
    public async Task AnswerAsync(byte[] request, EndPoint to, RadiusCode code, uint? errorCause = null)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, code, request[RadiusPacket.IdentifierOffset], []);
        Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        if (errorCause is { } cause)
        {
            Assert.True(writer.TryWriteUInt32(RadiusAttributeType.ErrorCause, cause));
        }

        var packet = writer.Complete();
        RadiusSigner.SignResponse(packet, request.AsSpan(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), Encoding.UTF8.GetBytes(Secret));
        await _coa.SendToAsync(packet.ToArray(), SocketFlags.None, to);
    }

    /// <summary>The text of the first attribute of <paramref name="type"/>, or null.</summary>
    public static byte[]? Value(byte[] packet, RadiusAttributeType type)
    {
        RadiusPacketReader.TryParse(packet, out var reader);
        return reader.TryGetAttribute(type, out var attribute) ? attribute.Value.ToArray() : null;
    }

    public void Dispose() => _coa.Dispose();
}
