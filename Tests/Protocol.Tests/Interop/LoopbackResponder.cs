using System.Net;
using System.Net.Sockets;
using System.Text;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Protocol.Tests.Interop;

/// <summary>
/// A tiny RADIUS server for interop tests, built on nothing but the Protocol library: it listens on
/// 127.0.0.1 (a port the kernel picks), records what it decoded from every datagram and answers
/// Access-Request, Accounting-Request and Status-Server the way a real server must.
/// </summary>
internal sealed partial class LoopbackResponder : IAsyncDisposable
{
    public const string ReplyMessageText = "Welcome from the loopback responder";
    public const string RejectMessageText = "Access denied by the loopback responder";
    public const string CiscoAvPairText = "shell:priv-lvl=15";
    public const string TunnelPrivateGroupIdText = "100";
    public const string TunnelPasswordText = "vlan-100-tunnel-key";
    public const byte ReplyTunnelTag = 1;

    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly byte[] _secret;
    private readonly IReadOnlyDictionary<string, string> _users;
    private readonly RequestLog<DecodedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;

    private LoopbackResponder(Socket socket, string secret, IReadOnlyDictionary<string, string> users)
    {
        _socket = socket;
        _secret = Encoding.UTF8.GetBytes(secret);
        _users = users;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Where clients send to, as radclient takes it ("127.0.0.1:port").</summary>
    public string Server => $"127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}";

    /// <summary>Every datagram decoded so far, in arrival order.</summary>
    public IReadOnlyList<DecodedRequest> Requests => _requests.Snapshot();

    /// <summary>Binds the socket before returning, so a client started right after cannot race the listener.</summary>
    public static LoopbackResponder Start(string secret, IReadOnlyDictionary<string, string> users)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return new LoopbackResponder(socket, secret, users);
    }

    /// <summary>The <paramref name="index"/>th datagram (0-based) once it has been handled and answered.</summary>
    public async Task<DecodedRequest> WaitForRequestAsync(int index, TimeSpan? timeout = null)
    {
        var request = _requests.WaitForAsync(index, timeout ?? DefaultWait);
        if (await Task.WhenAny(request, _receiving) == _receiving)
        {
            await _receiving;
            throw new InvalidOperationException("the responder stopped before the request arrived");
        }

        return await request;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _socket.Dispose();
        await _receiving;
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        // One byte more than the largest packet, so an oversized datagram is seen as too long, not cut to fit.
        var buffer = new byte[RadiusPacket.MaxLength + 1];
        EndPoint anywhere = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anywhere, _stopping.Token);
                var request = Handle(buffer.AsSpan(0, received.ReceivedBytes).ToArray());

                // Recorded before the reply leaves, so a test that saw the client finish always finds the record.
                _requests.Add(request);
                if (request.Reply is { } reply)
                {
                    await _socket.SendToAsync(reply.Datagram, SocketFlags.None, received.RemoteEndPoint, _stopping.Token);
                }
            }
        }
        catch (Exception stopped) when (_stopping.IsCancellationRequested
            && stopped is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposal cancels the token and closes the socket under a pending receive or send: the normal way out.
        }
    }
}
