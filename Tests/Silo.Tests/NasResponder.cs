using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Radius.Protocol.Crypto;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Silo.Tests;

/// <summary>
/// A NAS's dynamic authorization server on loopback, for tests: receives Disconnect/CoA-Requests and answers
/// with ACK or NAK signed as RFC 5176 §3.5 says, built with the protocol library.
/// </summary>
internal sealed class NasResponder : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public NasResponder()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>The next request and where it came from.</summary>
    public async Task<(byte[] Packet, EndPoint From)> ReceiveAsync(TimeSpan timeout)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        using var cancellation = new CancellationTokenSource(timeout);
        var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellation.Token);
        return (buffer[..received.ReceivedBytes], received.RemoteEndPoint);
    }

    public Task AnswerAsync(byte[] request, EndPoint to, RadiusCode code, string secret, uint? errorCause = null, bool messageAuthenticator = true) =>
        _socket.SendToAsync(Answer(request, code, secret, errorCause, messageAuthenticator), SocketFlags.None, to);

    /// <summary>An ACK or NAK to <paramref name="request"/>: Message-Authenticator first, then Error-Cause, Response Authenticator over all.</summary>
    public static byte[] Answer(byte[] request, RadiusCode code, string secret, uint? errorCause = null, bool messageAuthenticator = true)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        var writer = new RadiusPacketWriter(buffer, code, request[RadiusPacket.IdentifierOffset], []);
        if (messageAuthenticator)
        {
            Assert.True(writer.TryWriteMessageAuthenticatorPlaceholder());
        }

        if (errorCause is { } cause)
        {
            Assert.True(writer.TryWriteUInt32(RadiusAttributeType.ErrorCause, cause));
        }

        var packet = writer.Complete();
        RadiusSigner.SignResponse(packet, request.AsSpan(RadiusPacket.AuthenticatorOffset, RadiusPacket.AuthenticatorLength), Encoding.UTF8.GetBytes(secret));
        return packet.ToArray();
    }

    /// <summary>The values of every attribute of <paramref name="type"/> in a packet the protocol reader accepted.</summary>
    public static List<byte[]> Values(byte[] packet, RadiusAttributeType type)
    {
        Assert.Equal(RadiusParseError.None, RadiusPacketReader.TryParse(packet, out var reader));
        var values = new List<byte[]>();
        foreach (var attribute in reader)
        {
            if (attribute.Type == (byte)type)
            {
                values.Add(attribute.Value.ToArray());
            }
        }

        return values;
    }

    public static uint UInt32(byte[] value) => BinaryPrimitives.ReadUInt32BigEndian(value);

    public void Dispose() => _socket.Dispose();
}
