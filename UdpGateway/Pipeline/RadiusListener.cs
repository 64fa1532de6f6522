using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Radius.Gateway.Hosting;
using Orleans.Radius.Gateway.Telemetry;
using Orleans.Radius.Protocol.Packets;

namespace Orleans.Radius.Gateway.Pipeline;

/// <summary>
/// Owns the UDP sockets (authentication and accounting) and their receive loops. With a wildcard
/// address it binds one socket per local address, so every reply leaves from the address its request
/// was sent to — a NAS drops replies from any other address.
/// </summary>
internal sealed partial class RadiusListener(
    IOptions<GatewayOptions> options, RequestDispatcher dispatcher, GatewayState state, ILogger<RadiusListener> logger) : BackgroundService
{
    private readonly List<Socket> _sockets = [];
    private readonly Dictionary<Socket, ListenerKind> _kinds = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var gateway = options.Value;
        foreach (var address in BindAddresses(IPAddress.Parse(gateway.Address)))
        {
            _sockets.Add(Bind(address, gateway.AuthPort, ListenerKind.Authentication, gateway));
            _sockets.Add(Bind(address, gateway.AcctPort, ListenerKind.Accounting, gateway));
        }

        state.ListenersBound = true;
        return base.StartAsync(cancellationToken);
    }

    /// <summary>The endpoints actually bound (ports resolved when 0 was configured).</summary>
    public IReadOnlyList<(ListenerKind Kind, IPEndPoint EndPoint)> EndPoints { get; private set; } = [];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Dedicated threads blocked in recvfrom, like a classic RADIUS server: no async machinery per
        // datagram on the receive side. Each request is handled on the receiving thread until its first
        // await (the grain call), so parsing and verification never queue behind other work.
        var loops = new List<Task>();
        foreach (var socket in _sockets)
        {
            var kind = _kinds[socket];
            for (var i = 0; i < options.Value.ReceiveLoops; i++)
            {
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var thread = new Thread(() =>
                {
                    try
                    {
                        ReceiveLoop(socket, kind, stoppingToken);
                        done.SetResult();
                    }
                    catch (Exception exception)
                    {
                        done.SetException(exception);
                    }
                })
                {
                    IsBackground = true,
                    Name = $"radius-{kind.ToString().ToLowerInvariant()}-{i}",
                };
                thread.Start();
                loops.Add(done.Task);
            }
        }

        return Task.WhenAll(loops);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        state.ListenersBound = false;
        await base.StopAsync(cancellationToken);
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
    }

    private Socket Bind(IPAddress address, int port, ListenerKind kind, GatewayOptions gateway)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // Sized for bursts: the kernel default (~200 KiB) holds only a few hundred requests.
            socket.ReceiveBufferSize = gateway.ReceiveBufferBytes;
            socket.SendBufferSize = Math.Min(gateway.ReceiveBufferBytes, 4 * 1024 * 1024);
            socket.Bind(new IPEndPoint(address, port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var bound = (IPEndPoint)socket.LocalEndPoint!;
        _kinds[socket] = kind;
        EndPoints = [.. EndPoints, (kind, bound)];
        Log.Listening(logger, kind, bound, socket.ReceiveBufferSize);
        return socket;
    }

    private void ReceiveLoop(Socket socket, ListenerKind kind, CancellationToken stoppingToken)
    {
        var source = new SocketAddress(socket.AddressFamily);
        var maxInFlight = options.Value.MaxInFlight;
        using var stopping = stoppingToken.Register(() => socket.Close());
        while (!stoppingToken.IsCancellationRequested)
        {
            // One byte more than the largest packet, so an oversized datagram is seen as such.
            var buffer = ArrayPool<byte>.Shared.Rent(RadiusPacket.MaxLength + 1);
            int received;
            try
            {
                received = socket.ReceiveFrom(buffer.AsSpan(0, RadiusPacket.MaxLength + 1), SocketFlags.None, source);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier reply, or a datagram larger than the buffer.
                ArrayPool<byte>.Shared.Return(buffer);
                continue;
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
            {
                // The socket was closed: the host is stopping.
                ArrayPool<byte>.Shared.Return(buffer);
                break;
            }

            var datagram = new InboundDatagram(socket, kind, buffer, received, Copy(source), Stopwatch.GetTimestamp());
            GatewayMetrics.Received(received);
            if (dispatcher.InFlight >= maxInFlight)
            {
                GatewayMetrics.Dropped("unknown", DropReason.Overloaded);
                datagram.Dispose();
                continue;
            }

            _ = dispatcher.DispatchAsync(datagram);
        }
    }

    private static SocketAddress Copy(SocketAddress source)
    {
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span.CopyTo(copy.Buffer.Span);
        return copy;
    }

    private static List<IPAddress> BindAddresses(IPAddress configured)
    {
        if (!configured.Equals(IPAddress.Any) && !configured.Equals(IPAddress.IPv6Any))
        {
            return [configured];
        }

        var family = configured.AddressFamily;
        return NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => address.AddressFamily == family && !address.IsIPv6LinkLocal)
            .Distinct()
            .ToList();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "RADIUS {Kind} listening on {EndPoint} (receive buffer {Bytes} bytes)")]
        public static partial void Listening(ILogger logger, ListenerKind kind, IPEndPoint endPoint, int bytes);
    }
}
