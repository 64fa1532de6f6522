using System.Net;
using System.Net.Sockets;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One UDP socket on a chosen loopback address and a fixed source port, so the same bytes can be sent
/// from the same (address, port) to several gateways, as a NAS retransmitting to another server does.
/// </summary>
internal sealed class UdpExchange : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public UdpExchange(IPAddress? localAddress = null)
    {
        _socket.Bind(new IPEndPoint(localAddress ?? IPAddress.Loopback, 0));
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Sends <paramref name="request"/> and returns the first reply with its identifier, or null after <paramref name="wait"/>.</summary>
    public async Task<byte[]?> SendAsync(byte[] request, IPEndPoint server, TimeSpan wait)
    {
        await _socket.SendToAsync(request, SocketFlags.None, server);
        using var cancellation = new CancellationTokenSource(wait);
        var buffer = new byte[RadiusPacket.MaxLength];
        while (true)
        {
            try
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellation.Token);
                if (received.ReceivedBytes >= RadiusPacket.HeaderLength && buffer[RadiusPacket.IdentifierOffset] == request[RadiusPacket.IdentifierOffset])
                {
                    return buffer[..received.ReceivedBytes];
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                // ICMP port unreachable from a dead gateway: the same as no reply.
                return null;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
