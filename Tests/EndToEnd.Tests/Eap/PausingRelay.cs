using System.Net;
using System.Net.Sockets;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.EndToEnd.Tests.Eap;

/// <summary>
/// A UDP relay between eapol_test and a gateway that holds the Access-Request following the n-th Access-Challenge,
/// so a test can act in the middle of a real TLS handshake (kill the silo holding it) and then let the peer go on,
/// through another gateway. Retransmissions of the held request are held with it; only the newest goes on.
/// </summary>
internal sealed class PausingRelay : IDisposable
{
    private readonly Socket _peerSide = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket _serverSide = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _challengesBeforePause;
    private readonly Lock _gate = new();
    private IPEndPoint _server;
    private EndPoint? _peer;
    private byte[]? _held;
    private int _challenges;
    private bool _resumed;

    public PausingRelay(IPEndPoint server, int challengesBeforePause)
    {
        _server = server;
        _challengesBeforePause = challengesBeforePause;
        _peerSide.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _serverSide.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _ = Task.Run(() => FromPeerAsync(_stop.Token));
        _ = Task.Run(() => FromServerAsync(_stop.Token));
    }

    /// <summary>Where eapol_test sends.</summary>
    public IPEndPoint Endpoint => (IPEndPoint)_peerSide.LocalEndPoint!;

    /// <summary>Completes when a request is held.</summary>
    public Task Paused => _paused.Task;

    /// <summary>Sends the held request, and everything after it, to <paramref name="server"/>.</summary>
    public async Task ResumeAsync(IPEndPoint server)
    {
        byte[]? held;
        lock (_gate)
        {
            _server = server;
            _resumed = true;
            held = _held;
            _held = null;
        }

        if (held is not null)
        {
            await _serverSide.SendToAsync(held, SocketFlags.None, server);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _peerSide.Dispose();
        _serverSide.Dispose();
        _stop.Dispose();
    }

    private async Task FromPeerAsync(CancellationToken cancellation)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        while (!cancellation.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _peerSide.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellation);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var request = buffer[..received.ReceivedBytes];
            IPEndPoint server;
            lock (_gate)
            {
                _peer = received.RemoteEndPoint;
                if (!_resumed && _challenges >= _challengesBeforePause)
                {
                    _held = request;
                    _paused.TrySetResult();
                    continue;
                }

                server = _server;
            }

            await SendAsync(_serverSide, request, server);
        }
    }

    private async Task FromServerAsync(CancellationToken cancellation)
    {
        var buffer = new byte[RadiusPacket.MaxLength];
        while (!cancellation.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _serverSide.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cancellation);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
            {
                // ICMP port unreachable from a dead gateway: nothing to relay.
                continue;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            EndPoint? peer;
            lock (_gate)
            {
                if (received.ReceivedBytes > 0 && buffer[0] == (byte)RadiusCode.AccessChallenge)
                {
                    _challenges++;
                }

                peer = _peer;
            }

            if (peer is not null)
            {
                await SendAsync(_peerSide, buffer[..received.ReceivedBytes], peer);
            }
        }
    }

    private static async Task SendAsync(Socket socket, byte[] datagram, EndPoint to)
    {
        try
        {
            await socket.SendToAsync(datagram, SocketFlags.None, to);
        }
        catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
        {
            // The relay is closing.
        }
    }
}
